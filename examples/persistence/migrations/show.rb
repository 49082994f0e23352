# show.rb -- prints the points with their class version.
Maglev[:points].each { |p| puts p }
puts "neighbour: #{Maglev[:origin_neighbour]} (the same object: #{Maglev[:origin_neighbour].equal?(Maglev[:points][2])})"
