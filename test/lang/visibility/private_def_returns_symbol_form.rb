class Form
  private def hidden = :h
  def visible = hidden
end
p Form.new.visible  # expect: :h
p Form.private_method_defined?(:hidden)  # expect: true
