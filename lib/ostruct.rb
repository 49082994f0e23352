# ostruct.rb -- CRuby 3.1's OpenStruct, loaded unchanged from its standard
# library, and what a committed OpenStruct needs in a later process. An
# OpenStruct's accessors are singleton methods, and singleton methods persist
# only when defined in persistent mode (MAGLEV-API.md section 3), so a process
# that reads an OpenStruct made in transient mode finds its members in @table
# without accessors. The store calls __maglev_read on every OpenStruct it reads
# (store/code.c, mg_code_read_hook_p), which makes them again, in transient
# mode, as CRuby's new_ostruct_member! does: singleton_methods, respond_to?
# and method(:name) then answer as in the process that made it.
cruby = $LOAD_PATH.map { |dir| File.expand_path("ostruct.rb", dir) }.find do |path|
  path != File.expand_path(__FILE__) && File.file?(path)
end
raise LoadError, "cannot load such file -- ostruct (CRuby's ostruct.rb is not installed)" unless cruby
require cruby

class OpenStruct
  private def __maglev_read # :nodoc:
    return unless defined?(@table) && @table.is_a?(Hash)
    own = singleton_methods(false)
    @table.each_key do |name|
      next if own.include?(name) || is_method_protected!(name)
      define_singleton_method!(name) { @table[name] }
      define_singleton_method!("#{name}=") { |x| @table[name] = x }
    end
  end
end
