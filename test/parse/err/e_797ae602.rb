# error: embedded document meets end of file
=begin
