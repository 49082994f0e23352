module Settings
  @@level = 1
  def self.level = @@level
  def self.level=(v)
    @@level = v
  end
end
Settings.level = 3
p Settings.level  # expect: 3
