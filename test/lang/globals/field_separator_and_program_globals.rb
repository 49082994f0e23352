p $,  # expect: nil
p $/  # expect: "\n"
p $;  # expect: nil
p $PROGRAM_NAME == $0  # expect: true
