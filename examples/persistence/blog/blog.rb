# blog.rb -- the blog's model. Run once: maglev-ruby -Mcommit blog.rb
class Post
  attr_reader :title, :body, :number

  def initialize(number, title, body)
    @number, @title, @body = number, title, body
  end

  def to_s = "##{number} #{title}: #{body}"
end

class Blog
  attr_reader :name, :posts, :views

  def self.instance = Maglev[:blog]

  def initialize(name)
    @name = name
    @posts = []
    @views = RCCounter.new
  end

  def add(title, body)
    post = Post.new(posts.size + 1, title, body)
    posts << post
    post
  end
end

Maglev[:blog] ||= Blog.new("The MagLev blog")
puts "installed #{Blog.instance.name}"
