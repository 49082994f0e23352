class Secret
  def initialize = @hidden = "s3cret"
end
s = Secret.new
p s.instance_eval { @hidden }  # expect: "s3cret"
p s.instance_eval { self.class }  # expect: Secret
