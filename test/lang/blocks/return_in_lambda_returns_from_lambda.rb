def run_lambda
  l = -> { return :from_lambda }
  r = l.call
  [:after_lambda, r]
end
p run_lambda  # expect: [:after_lambda, :from_lambda]
