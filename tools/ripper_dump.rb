# ripper_dump.rb FILE... -- for each snippet of the corpus files (each starts
# with a line `#--- NAME`), one line: NAME, a tab, then Ripper.sexp(snippet) and
# Ripper.sexp_raw(snippet) inspected, or the exception they raised. Run by
# tools/ripper_diff.sh under CRuby and maglev.
require 'ripper'
ARGV.each do |f|
  name = nil
  buf = +''
  emit = lambda do
    next unless name
    out = begin
      "#{Ripper.sexp(buf).inspect} #{Ripper.sexp_raw(buf).inspect}"
    rescue NotImplementedError => e
      "NotImplementedError: #{e.message}"
    rescue Exception => e
      "#{e.class}: #{e.message.lines.first}"
    end
    puts "#{File.basename(f)}:#{name}\t#{out.gsub(/\s*\n/, ' ')}"
  end
  File.foreach(f) do |line|
    if line.start_with?('#--- ')
      emit.call
      name = line[5..].chomp
      buf = +''
    else
      buf << line
    end
  end
  emit.call
end
