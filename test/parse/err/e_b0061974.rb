# error: unexpected `end'
end
