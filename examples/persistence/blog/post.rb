# post.rb TITLE BODY -- adds a post. Loads no source: Blog and Post come
# from the repository (blog.rb installed them).
abort "usage: maglev-ruby post.rb TITLE BODY" unless ARGV.size == 2
begin
  post = Blog.instance.add(*ARGV)
  Maglev.commit_transaction
rescue Maglev::CommitFailedException
  Maglev.abort_transaction          # another process posted meanwhile: try again on the new state
  retry
end
puts "posted #{post}"
