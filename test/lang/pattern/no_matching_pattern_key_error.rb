begin
  case { a: 1 }
  in { b: }
  end
rescue NoMatchingPatternError => e
  p e.class  # expect: NoMatchingPatternKeyError
  p e.is_a?(StandardError)  # expect: true
end
