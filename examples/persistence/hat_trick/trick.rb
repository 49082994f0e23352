# trick.rb -- loads no source: the Hat class, the hat and the proc come from the repository.
hat = Maglev[:hat]
puts Maglev[:peek].call
puts "pulled a #{hat.pull} out of hat #{hat.object_id} (a #{hat.class})"
Maglev.commit
puts Maglev[:peek].call
