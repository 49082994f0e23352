class Temp
  def self.freezing = 0
  def self.boiling
    100
  end
end
p Temp.freezing  # expect: 0
p Temp.boiling  # expect: 100
