# autoload? answers nil once the constant is defined, also when a require loaded it.
require "tmpdir"
dir = File.join(Dir.tmpdir, "mg_autoload_#{$$}")
Dir.mkdir(dir) unless Dir.exist?(dir)
path = File.join(dir, "alx.rb")
File.write(path, "module AlX; end\n")
Object.autoload(:AlX, path)
p Object.autoload?(:AlX) == path
require path
p Object.autoload?(:AlX)
p defined?(AlX)
File.delete(path)
Dir.rmdir(dir)
# expect: true
# expect: nil
# expect: "constant"
