def run_proc
  pr = proc { return :from_proc }
  pr.call
  :after_proc
end
p run_proc  # expect: :from_proc
