# hat.rb -- run with -Mcommit: defines and commits a Hat, its rabbit and a peek.
class Hat
  def initialize
    @contents = []
  end

  def put(thing)
    @contents << thing
    self
  end

  def pull
    @contents.shift
  end

  def contents = @contents.dup
end

hat = Hat.new.put(:rabbit)
Maglev[:hat] = hat
Maglev[:peek] = proc { "the hat #{hat.object_id} holds #{hat.contents.inspect}" }
puts "a #{hat.contents.first} went into hat #{hat.object_id}"
