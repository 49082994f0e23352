class Shared
  @@value = :initial
  def set(v) = @@value = v
  def self.value = @@value
end
Shared.new.set(:changed)
p Shared.value  # expect: :changed
