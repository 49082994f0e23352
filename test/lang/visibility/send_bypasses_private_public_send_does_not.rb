class Hidden
  private def secret = "sent"
end
h = Hidden.new
p h.send(:secret)  # expect: "sent"
begin
  h.public_send(:secret)
rescue NoMethodError => e
  p e.class  # expect: NoMethodError
end
