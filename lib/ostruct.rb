# ostruct.rb -- CRuby 3.1's OpenStruct, loaded unchanged from its standard
# library, and what a committed OpenStruct needs in a later process. An
# OpenStruct's accessors are singleton methods, and singleton methods persist
# only when defined in persistent mode (MAGLEV-API.md section 3), so a process
# that reads an OpenStruct made in transient mode finds its members in @table
# without accessors. CRuby's method_missing already reads and writes @table;
# respond_to_missing? (as OpenStruct had it before 3.0) answers for those
# members, so respond_to? and method(:name) see them too.
cruby = $LOAD_PATH.map { |dir| File.expand_path("ostruct.rb", dir) }.find do |path|
  path != File.expand_path(__FILE__) && File.file?(path)
end
raise LoadError, "cannot load such file -- ostruct (CRuby's ostruct.rb is not installed)" unless cruby
require cruby

class OpenStruct
  private def respond_to_missing?(mid, include_private = false) # :nodoc:
    mname = mid.to_s.chomp("=").to_sym
    defined?(@table) && @table.key?(mname) || super
  end
end
