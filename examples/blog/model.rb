# model.rb -- the blog's model: plain Ruby objects that live in the repository.
# The classes are defined in persistent mode and committed by the first
# process that needs them; every later process finds them in the repository
# (`defined?` sees them) and loads nothing. The posts hang from
# Maglev::PERSISTENT_ROOT[:blog], an RCHash keyed by post id, so servers that
# create posts at the same time never conflict; ids come from a persistent
# counter, which is outside transactions and never hands one out twice.
unless defined?(Blog::Post)
  begin
    Maglev.persistent do
      module Blog
        COUNTER = 1            # Maglev::System persistent counter for post ids

        class Comment
          attr_reader :author, :text, :at
          def initialize(author, text)
            @author, @text, @at = author, text, Time.now
          end
        end

        class Post
          attr_reader :id, :title, :body, :tags, :comments, :edits, :created_at
          def initialize(id, title, body, tags)
            @id, @title, @body, @tags = id, title, body, tags
            @comments = []
            @edits = 0
            @created_at = Time.now
          end

          def edit(body)
            @body = body
            @edits += 1
          end

          def comment(author, text) = @comments << Comment.new(author, text)
        end

        def self.posts = Maglev::PERSISTENT_ROOT[:blog] ||= RCHash.new
        def self.post(id) = posts[id.to_i]

        def self.add_post(title, body, tags = [])
          id = Maglev::System.increment_pcounter(COUNTER)
          posts[id] = Post.new(id, title, body, tags)
        end
      end
    end
    Maglev.commit_transaction
  rescue Maglev::CommitFailedException
    Maglev.abort_transaction     # another server committed the model first
    retry unless defined?(Blog::Post)
  end
end
