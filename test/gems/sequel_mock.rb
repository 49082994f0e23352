# Sequel's SQL generation without a database (the mock adapter)
require "sequel"

DB = Sequel.mock
ds = DB[:items]
puts ds.sql
puts ds.where(id: 1).sql
puts ds.where { price > 100 }.order(:name).limit(10).sql
puts ds.select(:name, :price).where(Sequel.like(:name, "A%")).exclude(active: false).sql
puts ds.where(id: [1, 2, 3]).or(name: nil).sql
puts ds.group_and_count(:category).having { count.function.* > 1 }.sql
puts ds.join(:orders, item_id: :id).select_all(:items).sql
puts ds.insert_sql(name: "Widget", price: 9.5)
puts ds.where(id: 7).update_sql(price: Sequel[:price] + 1)
puts ds.where(Sequel.lit("created_at < ?", "2024-01-01")).delete_sql
puts DB[:items].where(name: "O'Brien").sql
puts ds.reverse(:id).offset(5).limit(5).sql
puts ds.distinct.select(:category).sql
DB.create_table(:people) do
  primary_key :id
  String :name, null: false
  Integer :age
  index :name
end
DB.sqls.each { |s| puts s }
ds.insert(name: "x")
p DB.sqls
p ds.where(id: 1).first
p Sequel::VERSION >= "5"
# expect: SELECT * FROM items
# expect: SELECT * FROM items WHERE (id = 1)
# expect: SELECT * FROM items WHERE (price > 100) ORDER BY name LIMIT 10
# expect: SELECT name, price FROM items WHERE ((name LIKE 'A%' ESCAPE '\') AND (active IS NOT FALSE))
# expect: SELECT * FROM items WHERE ((id IN (1, 2, 3)) OR (name IS NULL))
# expect: SELECT category, count(*) AS count FROM items GROUP BY category HAVING (count(*) > 1)
# expect: SELECT items.* FROM items INNER JOIN orders ON (orders.item_id = items.id)
# expect: INSERT INTO items (name, price) VALUES ('Widget', 9.5)
# expect: UPDATE items SET price = (price + 1) WHERE (id = 7)
# expect: DELETE FROM items WHERE (created_at < '2024-01-01')
# expect: SELECT * FROM items WHERE (name = 'O''Brien')
# expect: SELECT * FROM items ORDER BY id DESC LIMIT 5 OFFSET 5
# expect: SELECT DISTINCT category FROM items
# expect: CREATE TABLE people (id integer PRIMARY KEY AUTOINCREMENT, name varchar(255) NOT NULL, age integer)
# expect: CREATE INDEX people_name_index ON people (name)
# expect: ["INSERT INTO items (name) VALUES ('x')"]
# expect: nil
# expect: true
