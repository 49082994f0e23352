class Builder
  attr_reader :parts
  def initialize
    @parts = []
    yield self if block_given?
  end
end
b = Builder.new { |x| x.parts << :wall << :roof }
p b.parts  # expect: [:wall, :roof]
