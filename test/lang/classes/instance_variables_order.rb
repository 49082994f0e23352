class Obj
  def initialize
    @z = 1
    @a = 2
    @m = 3
  end
end
p Obj.new.instance_variables  # expect: [:@z, :@a, :@m]
