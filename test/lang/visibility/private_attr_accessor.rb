class Conf
  private attr_accessor :token
  def initialize = self.token = "t0k"
  def show = token
end
c = Conf.new
p c.show  # expect: "t0k"
p c.respond_to?(:token)  # expect: false
