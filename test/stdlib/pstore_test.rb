# pstore.rb over Marshal, Digest, File#flock / #truncate: transactions, abort, read-only errors
require "pstore"
path = "/tmp/maglev_pstore_test_#{$$}.db"
store = PStore.new(path)
store.transaction do
  store[:list] = [1, { b: 2 }]
  store["name"] = "x"
end
store.transaction(true) { p store[:list], store.roots, store.root?(:nope) }
store.transaction { store[:list] << 3; store.delete("name") }
store.transaction(true) { p store[:list], store.roots }
store.transaction { store[:gone] = 1; store.abort }
store.transaction(true) { p store[:gone] }
begin
  store.transaction(true) { store[:x] = 1 }
rescue PStore::Error => e
  p e.message
end
File.delete(path)

# expect: [1, {:b=>2}]
# expect: [:list, "name"]
# expect: false
# expect: [1, {:b=>2}, 3]
# expect: [:list]
# expect: nil
# expect: "in read-only transaction"
