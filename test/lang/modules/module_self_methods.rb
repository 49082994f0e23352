module Config
  def self.setting = :on
  class << self
    def other = :off
  end
end
p Config.setting  # expect: :on
p Config.other  # expect: :off
