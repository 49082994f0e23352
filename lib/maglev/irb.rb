# maglev/irb.rb -- the read-eval-print loop of maglev-irb. Input that is not
# yet a complete expression (an open block, string or bracket) is continued
# on the next line; each complete input is evaluated in one binding, so local
# variables persist from line to line.
module Maglev
  module IRB
    INCOMPLETE = [
      "unexpected end-of-input", "unterminated string meets end of file",
      "unterminated list meets end of file", "unterminated regexp meets end of file",
      "unterminated quoted string meets end of file", "embedded document meets end of file",
    ].freeze

    def self.start(bind)
      line_no = 1
      buffer = +""
      loop do
        line = MaglevIRB.readline(prompt(line_no + buffer.count("\n"), !buffer.empty?))
        break unless line
        buffer << line << "\n"
        next if buffer.strip.empty? && (buffer = +"")
        begin
          value = bind.eval(buffer, "(irb)", line_no)
          puts "=> #{value.inspect}"
        rescue SyntaxError => e
          next if INCOMPLETE.any? { |m| e.message.include?(m) }
          puts e.message
        rescue SystemExit
          raise
        rescue Exception => e
          report(e)
        end
        line_no += buffer.count("\n")
        buffer = +""
      end
      puts if $stdout.tty?
    end

    def self.prompt(n, continuing)
      format("irb(main):%03d:0%s ", n, continuing ? "*" : ">")
    end

    def self.report(e)
      trace = (e.backtrace || []).reject { |l| l.include?("maglev/irb.rb") || l.start_with?("irb:") }
      puts "#{trace.first || "(irb)"}:in `<main>': #{e.message} (#{e.class})" if trace.empty?
      puts "#{trace.first}: #{e.message} (#{e.class})" unless trace.empty?
      trace.drop(1).first(15).each { |l| puts "\tfrom #{l}" }
    end
  end
end
