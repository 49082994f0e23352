class Q
  def visible; end
  private def invisible; end
end
q = Q.new
p q.respond_to?(:visible)  # expect: true
p q.respond_to?(:invisible)  # expect: false
p q.respond_to?(:invisible, true)  # expect: true
