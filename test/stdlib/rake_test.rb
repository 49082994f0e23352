# rake (Debian's rake) as a library: tasks, prerequisites, namespaces, FileList, String#ext/pathmap
require "rake"
include Rake::DSL
log = []
task(:prep) { log << :prep }
task(build: :prep) { log << :build }
task(default: [:build]) { log << :default }
file "never_made_zz.txt" do |t|
  log << t.name
end
Rake::Task[:default].invoke
Rake::Task[:build].invoke
p log
p Rake::Task[:build].prerequisites, Rake::Task.task_defined?(:prep), Rake::Task.task_defined?(:nope)
p Rake::FileList["/usr/lib/ruby/3.1.0/set.rb", "/usr/lib/ruby/3.1.0/json.rb"].map { |f| File.basename(f) }
p "src/a.c".ext("o"), "a/b/c.rb".pathmap("%n")
namespace :db do
  desc "migrate"
  task(:migrate) { log << :migrate }
end
Rake::Task["db:migrate"].invoke
p log.last, Rake::Task["db:migrate"].comment

# expect: [:prep, :build, :default]
# expect: ["prep"]
# expect: true
# expect: false
# expect: ["set.rb", "json.rb"]
# expect: "src/a.o"
# expect: "c"
# expect: :migrate
# expect: nil
