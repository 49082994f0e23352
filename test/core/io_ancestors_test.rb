# IO includes Enumerable and File::Constants; the open flags live in File::Constants.
p IO.ancestors.first(5)
p File.ancestors.first(4)
p File::RDONLY == File::Constants::RDONLY, IO::WRONLY == File::WRONLY
p File::Constants.constants.include?(:CREAT)
File.open(__FILE__) { |f| p f.first(1).size, f.is_a?(Enumerable) }
# expect: [IO, File::Constants, Enumerable, Object, Kernel]
# expect: [File, IO, File::Constants, Enumerable]
# expect: true
# expect: true
# expect: true
# expect: 1
# expect: true
