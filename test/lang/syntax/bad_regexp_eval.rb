# eval of code with a bad regexp literal: SyntaxError before it runs
begin
  eval("$ran = true; /a)/")
rescue SyntaxError => e
  p e.message, $ran
end
# expect: "(eval):1: unmatched close parenthesis: /a)/"
# expect: nil
