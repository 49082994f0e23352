# list.rb -- lists the posts and counts the view (an RCCounter: concurrent
# readers never conflict on it).
blog = Blog.instance
puts blog.name
blog.posts.each { |post| puts "  #{post}" }
blog.views.increment
Maglev.commit_transaction
puts "viewed #{blog.views.value} times"
