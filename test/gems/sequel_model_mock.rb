# Sequel::Model over the mock adapter with BigDecimal columns, core_extensions, blank, pagination
require "sequel"
DB = Sequel.mock(fetch: { id: 1, name: "Widget", price: BigDecimal("9.99") }, numrows: 1, autoid: 1)
class Item < Sequel::Model(DB[:items]); end
i = Item.first
p i.class, i[:name], i[:price], i[:price].class
p Item.where(id: 1).sql
Sequel.extension :core_extensions
p :price.sql_number > 5
p DB.literal(:price.sql_number + BigDecimal("0.5"))
Sequel.extension :blank
p "".blank?, nil.blank?
DB.extension :pagination
p DB[:items].paginate(1, 10).sql
x = Item.new; x[:name] = "x"; x[:price] = BigDecimal("1.5")
p x.valid?, x.values
p x.save.id rescue p $!
p DB.sqls.last
# expect: Item
# expect: "Widget"
# expect: 0.999e1
# expect: BigDecimal
# expect: "SELECT * FROM items WHERE (id = 1)"
# expect: #<Sequel::SQL::BooleanExpression @op=>:>, @args=>[#<Sequel::SQL::NumericExpression @op=>:NOOP, @args=>[:price]>, 5]>
# expect: "(price + 0.5)"
# expect: true
# expect: true
# expect: "SELECT * FROM items LIMIT 10 OFFSET 0"
# expect: true
# expect: {:name=>"x", :price=>0.15e1}
# expect: 1
# expect: "COMMIT"
