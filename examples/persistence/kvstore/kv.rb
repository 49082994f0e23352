# kv.rb COMMAND [ARGS] -- a persistent key-value store on an RCHash.
require 'maglev/rchash'

def store = (Maglev[:kv] ||= RCHash.new)

# Runs the block and commits; on a conflict aborts and runs it again.
def atomically
  result = yield
  Maglev.commit_transaction
  result
rescue Maglev::CommitFailedException
  Maglev.abort_transaction
  retry
end

command, key, value = ARGV
case command
when "set"
  abort "usage: kv.rb set KEY VALUE" unless key && value
  atomically { store[key] = value }
when "get"
  value = store[key]
  abort "#{key}: not found" if value.nil?
  puts value
when "delete"
  puts atomically { store.delete(key) } || "#{key}: not found"
when "list"
  store.keys.sort.each { |k| puts "#{k}=#{store[k]}" }
when "count"
  puts store.size
else
  abort "usage: kv.rb set KEY VALUE | get KEY | delete KEY | list | count"
end
