class Guarded
  def inspect = "guarded"
  protected def level = 1
end
Guarded.new.level
# expect error: protected method `level' called for guarded:Guarded (NoMethodError)
