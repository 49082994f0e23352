class NotFound < StandardError
  def initialize(what)
    @what = what
    super("#{what} not found")
  end
  attr_reader :what
end
class Quiet < StandardError
  def message = "always quiet"
end
begin
  raise NotFound.new("page")
rescue NotFound => e
  p e.message  # expect: "page not found"
  p e.what  # expect: "page"
end
begin
  raise Quiet
rescue => e
  p e.message  # expect: "always quiet"
end
