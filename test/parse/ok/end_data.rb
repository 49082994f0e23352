p DATA.read
__END__
)))) not ruby
