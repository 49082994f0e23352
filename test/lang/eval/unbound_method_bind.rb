class Speaker
  def talk = "I am #{name}"
  def name = "speaker"
end
class Other
  def name = "other"
end
um = Speaker.instance_method(:talk)
p um.bind(Speaker.new).call  # expect: "I am speaker"
p um.class  # expect: UnboundMethod
