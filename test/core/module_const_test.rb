# constants and class variables through Module's reflection methods
module Space
  X = 1
  class Inner; Y = 2; end
end
class Par; PC = :par; end
class Chi < Par; CC = :chi; end
p Space.const_get(:X), Space.const_get("X"), Space.const_get("Inner::Y"), Object.const_get("Space::Inner::Y")
p Chi.const_get(:PC), Chi.const_defined?(:PC), Chi.const_defined?(:PC, false), Chi.const_defined?("Par::PC")
p Object.const_get(:String), Space.const_get(:String), Space.const_defined?(:String)
begin
  Chi.const_get(:PC, false)
rescue NameError => e
  p e.class, e.name
end
["lower", "X-Y", "", "::"].each do |bad|
  begin
    Space.const_get(bad)
  rescue NameError => e
    p [bad, e.class]
  end
end
begin
  Space.const_get(:Nope)
rescue NameError => e
  p e.class, e.name
end
p Space.const_set(:Z, 26), Space::Z
begin
  Space.const_set(:lower, 1)
rescue NameError => e
  p e.class, e.name
end
p Space.constants.sort, Chi.constants.sort, Chi.constants(false)
p Space.send(:remove_const, :Z), Space.const_defined?(:Z)
begin
  Space.send(:remove_const, :Z)
rescue NameError => e
  p e.class
end
klass = Class.new
Space.const_set(:Made, klass)
p klass.name
class Missing
  def self.const_missing(n); "missing #{n}"; end
end
p Missing.const_get(:Whatever), Missing::Other
class CV
  @@count = 1
  def self.count; @@count; end
end
class CVSub < CV; end
p CV.class_variable_get(:@@count), CVSub.class_variable_get("@@count"), CV.class_variables, CVSub.class_variables
p CV.class_variable_set(:@@other, 2), CV.class_variable_defined?(:@@other), CV.class_variables.sort
p CVSub.class_variables(false), CV.class_variable_defined?(:@@nope)
begin
  CV.class_variable_get(:@@nope)
rescue NameError => e
  p e.class, e.name
end
begin
  CV.class_variable_get(:nope)
rescue NameError => e
  p e.class
end
p CV.remove_class_variable(:@@other), CV.class_variables
begin
  CV.remove_class_variable(:@@other)
rescue NameError => e
  p e.class
end
module Sealed; A = 1; B = 2; private_constant :B; end
begin
  Sealed.private_constant(:C)
rescue NameError => e
  p e.class
end

# expect: 1
# expect: 1
# expect: 2
# expect: 2
# expect: :par
# expect: true
# expect: false
# expect: true
# expect: String
# expect: String
# expect: true
# expect: NameError
# expect: :PC
# expect: ["lower", NameError]
# expect: ["X-Y", NameError]
# expect: ["", NameError]
# expect: ["::", NameError]
# expect: NameError
# expect: :Nope
# expect: 26
# expect: 26
# expect: NameError
# expect: :lower
# expect: [:Inner, :X, :Z]
# expect: [:CC, :PC]
# expect: [:CC]
# expect: 26
# expect: false
# expect: NameError
# expect: "Space::Made"
# expect: "missing Whatever"
# expect: "missing Other"
# expect: 1
# expect: 1
# expect: [:@@count]
# expect: [:@@count]
# expect: 2
# expect: true
# expect: [:@@count, :@@other]
# expect: []
# expect: false
# expect: NameError
# expect: :@@nope
# expect: NameError
# expect: 2
# expect: [:@@count]
# expect: NameError
# expect: NameError
