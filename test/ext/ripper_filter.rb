# Ripper::Filter: a method per scanner event, called in source order with the
# token and the running data; lineno, column and state of the current token
require "ripper"
require "ripper/filter"

class CommentCounter < Ripper::Filter
  def on_comment(tok, data)
    data[:comments] << [lineno, column, tok.chomp]
    data
  end

  def on_ident(tok, data)
    data[:idents] << tok
    data[:states] << state.to_s if data[:states].size < 3
    data
  end

  def on_default(event, tok, data)
    data[:other] += 1
    data
  end
end

src = <<~'RUBY'
  # header
  def greet(name) # says hello
    puts "hello #{name}"
  end
  greet "you"
RUBY
r = CommentCounter.new(src, "greet.rb").parse({ comments: [], idents: [], states: [], other: 0 })
p r[:comments]
p r[:idents]
p r[:states]
p r[:other]

class Highlighter < Ripper::Filter
  def on_kw(tok, out) = out << "<b>#{tok}</b>"
  def on_default(event, tok, out) = out << tok
end
puts Highlighter.new("if x then y else z end\n").parse(+"")
p Highlighter.new("").parse(+"start")
# expect: [[1, 0, "# header"], [2, 16, "# says hello"]]
# expect: ["greet", "name", "puts", "name", "greet"]
# expect: ["ENDFN", "ARG", "CMDARG"]
# expect: 20
# expect: <b>if</b> x <b>then</b> y <b>else</b> z <b>end</b>
# expect: "start"
