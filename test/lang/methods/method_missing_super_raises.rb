class Ghost
  def method_missing(name, *args)
    name == :known ? :ok : super
  end
end
p Ghost.new.known  # expect: :ok
begin
  Ghost.new.unknown
rescue NoMethodError => e
  p e.class  # expect: NoMethodError
  p e.name  # expect: :unknown
end
