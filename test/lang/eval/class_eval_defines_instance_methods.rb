class Plain; end
Plain.class_eval do
  def added = "added by class_eval"
end
Plain.class_eval("def from_string = :str")
p Plain.new.added  # expect: "added by class_eval"
p Plain.new.from_string  # expect: :str
