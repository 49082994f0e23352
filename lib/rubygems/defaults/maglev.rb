# rubygems/defaults/maglev.rb -- what RubyGems asks the Ruby implementation
# (rubygems.rb requires rubygems/defaults/#{RUBY_ENGINE} after Debian's
# operating_system.rb): maglev's own gem directory, $MAGLEV_HOME/gems/3.1.0
# ($MAGLEV_HOME, else the installation holding this lib/), is Gem.dir, where `maglev-gem install`
# puts gems; Gem.path adds Debian's directories after it, so the gems Debian
# installs stay visible. GEM_HOME / GEM_PATH override both, as in CRuby.
module Gem
  home = ENV["MAGLEV_HOME"].to_s.empty? ? File.expand_path("../../..", __dir__) : ENV["MAGLEV_HOME"]
  MAGLEV_GEM_DIR = File.join(home, "gems", RbConfig::CONFIG["ruby_version"]).freeze

  class << self
    alias maglev_debian_default_path default_path

    def default_dir
      MAGLEV_GEM_DIR
    end

    # Gems' executables go beside their gems, not into maglev's bin/ nor /usr/local/bin
    def default_bindir
      File.join(MAGLEV_GEM_DIR, "bin")
    end

    # user dir, maglev's dir, then Debian's: /var/lib/gems (CRuby's `gem install`
    # as root) and the rubygems-integration directories
    def default_path
      debian = maglev_debian_default_path
      api = RbConfig::CONFIG["ruby_version"]
      ([user_dir, MAGLEV_GEM_DIR, "/var/lib/gems/#{api}"] + debian).uniq
    end

    # No rdoc/ri by default: RDoc runs on maglev's Ripper scanner (`--document`
    # works), but its output still differs from CRuby's (a file's leading comment is missed)
    def platform_defaults
      { "install" => "--no-document", "update" => "--no-document" }
    end
  end
end

# A gem with a C extension: maglev cannot build one (mkmf needs CRuby's headers)
# nor load one, so its install stops with a message saying so.
Gem.pre_install do |installer|
  exts = installer.spec.extensions
  unless exts.empty?
    raise Gem::InstallError, "#{installer.spec.full_name} has a C extension (#{exts.join(", ")}): " \
                             "maglev cannot build or load CRuby C extensions"
  end
end
