class Doc
  attr_reader :pages
  def initialize = @pages = [1]
  def initialize_copy(src)
    super
    @pages = src.pages.dup
  end
end
d1 = Doc.new
d2 = d1.dup
d2.pages << 2
p d1.pages  # expect: [1]
p d2.pages  # expect: [1, 2]
