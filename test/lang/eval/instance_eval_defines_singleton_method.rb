o = Object.new
o.instance_eval do
  def only_me = :singleton
end
p o.only_me  # expect: :singleton
p o.singleton_methods  # expect: [:only_me]
