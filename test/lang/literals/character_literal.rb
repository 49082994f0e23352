p ?a  # expect: "a"
p ?a + ?b  # expect: "ab"
p ?\n  # expect: "\n"
p ?a.class  # expect: String
