class Ghost
  def method_missing(name, *args, &blk)
    if name.to_s.start_with?("get_")
      "got #{name.to_s.sub("get_", "")} #{args}"
    else
      super
    end
  end
end
g = Ghost.new
p g.get_x  # expect: "got x []"
p g.get_y(1, 2)  # expect: "got y [1, 2]"
