class Empty
  def self.read = @@nothing
end
Empty.read
# expect error: uninitialized class variable @@nothing in Empty (NameError)
