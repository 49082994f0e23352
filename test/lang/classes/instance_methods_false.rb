class Lister
  def one; end
  def two; end
end
p Lister.instance_methods(false).sort  # expect: [:one, :two]
p Lister.method_defined?(:one)  # expect: true
p Lister.new.respond_to?(:two)  # expect: true
