p "\C-a"  # expect: "\u0001"
p "\ca"  # expect: "\u0001"
p "\M-a".bytes  # expect: [225]
p "\c?"  # expect: "\u007F"
