begin
  eval("def bad; C = 1; end")
rescue SyntaxError => e
  p e.class  # expect: SyntaxError
end
