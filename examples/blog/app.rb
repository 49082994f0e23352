# app.rb -- the MagLev blog: a Sinatra app whose posts, tags and comments are
# ordinary Ruby objects in Maglev::PERSISTENT_ROOT (no database, no mapping
# layer). Each request runs in its own transaction; a request whose commit
# meets another server's change is run again on the fresh state.
#
#   bin/maglev-ruby examples/blog/app.rb -p 4567 -o 127.0.0.1
require 'sinatra'
require 'cgi'
require 'maglev/rack_txn_wrapper'
require_relative 'model'

set :server, 'webrick'
set :environment, :production      # no code reloading, short error pages

# Runs the request again (up to 10 times, after a short random pause that
# lets the other side's commit finish) when its commit conflicted. A request
# loses only to another process's commit, so with fewer competing writers
# than attempts every request lands. A
# transaction belongs to the process, not to a thread, so the requests that
# WEBrick serves in threads of their own take turns (as a MagLev gem serves
# one request at a time); more throughput means more server processes.
class RetryOnConflict
  LOCK = Mutex.new

  def initialize(app) = @app = app

  def call(env) = LOCK.synchronize { run(env) }

  def run(env)
    attempts = 0
    begin
      attempts += 1
      env['rack.input']&.rewind
      @app.call(env)
    rescue Maglev::CommitFailedException
      if attempts < 10
        sleep(rand * 0.01 * attempts)
        retry
      end
      [409, { 'content-type' => 'text/plain' }, ["conflict: try again\n"]]
    end
  end
end

use RetryOnConflict
use Maglev::TransactionWrapper

helpers do
  def h(s) = CGI.escapeHTML(s.to_s)

  def page(title)
    "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>#{h title}</title></head><body>\n" \
      "<h1>#{h title}</h1>\n#{yield}</body></html>\n"
  end
end

get '/' do
  posts = Blog.posts.values.sort_by { |p| p.title.downcase }
  page('The MagLev blog') do
    list = posts.map { |p| "<li><a href=\"/posts/#{p.id}\">#{h p.title}</a> #{p.tags.map { |t| "<a href=\"/tags/#{h t}\">##{h t}</a>" }.join(' ')}</li>\n" }.join
    "<ul>\n#{list}</ul>\n<form method=\"post\" action=\"/posts\">" \
      "<input name=\"title\"> <input name=\"tags\"> <textarea name=\"body\"></textarea> <button>Post</button></form>\n"
  end
end

post '/posts' do
  title, body = params['title'].to_s.strip, params['body'].to_s.strip
  halt 400, "title and body are required\n" if title.empty? || body.empty?
  tags = params['tags'].to_s.split(/[\s,]+/).reject(&:empty?)
  post = Blog.add_post(title, body, tags)
  redirect "/posts/#{post.id}", 303
end

get '/posts/:id' do
  post = Blog.post(params['id']) or halt 404, "no such post\n"
  page(post.title) do
    comments = post.comments.map { |c| "<li><b>#{h c.author}</b>: #{h c.text}</li>\n" }.join
    "<p>#{h post.body}</p>\n<p>edits: #{post.edits}</p>\n<ul>\n#{comments}</ul>\n"
  end
end

post '/posts/:id/comments' do
  post = Blog.post(params['id']) or halt 404, "no such post\n"
  post.comment(params['author'].to_s, params['text'].to_s)
  redirect "/posts/#{post.id}", 303
end

post '/posts/:id/edit' do
  post = Blog.post(params['id']) or halt 404, "no such post\n"
  post.edit(params['body'].to_s)
  redirect "/posts/#{post.id}", 303
end

get '/tags/:tag' do
  posts = Blog.posts.values.select { |p| p.tags.include?(params['tag']) }.sort_by(&:title)
  page("Posts tagged #{params['tag']}") do
    "<ul>\n#{posts.map { |p| "<li><a href=\"/posts/#{p.id}\">#{h p.title}</a></li>\n" }.join}</ul>\n"
  end
end
