r = case 5
    when 1 then :one
    end
p r  # expect: nil
