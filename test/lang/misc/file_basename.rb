p File.basename(__FILE__)  # expect: "file_basename.rb"
p File.basename(__dir__)  # expect: "misc"
