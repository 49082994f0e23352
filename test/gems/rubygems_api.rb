# RubyGems: gem activation, Gem::Version and Gem::Requirement, Gem.loaded_specs,
# and require finding an installed gem's library (Debian's gem directories)
v = ->(s) { Gem::Version.new(s) }
p v["1.2.10"] > v["1.2.9"]
p v["2.0.0.pre1"] < v["2.0.0"]
p v["1.0"] == v["1"]
p v["3.1.2"].segments
p v["2.0.0.rc1"].prerelease?
p v["1.2.3"].bump.to_s
p [v["1.10"], v["1.2"], v["1.9.1"]].sort.map(&:to_s)
p v["1.2.3"] <=> v["1.2.4"]
p Gem::Version.correct?("1.a.2"), Gem::Version.correct?("not a version")
r = Gem::Requirement.new("~> 1.2", ">= 1.2.5")
p r.satisfied_by?(v["1.2.7"]), r.satisfied_by?(v["1.3"]), r.satisfied_by?(v["2.0"])
p Gem::Requirement.new(">= 0").satisfied_by?(v["0.0.1"])

p gem("thor")
p Gem.loaded_specs.key?("thor")
spec = Gem.loaded_specs["thor"]
p spec.name
p spec.version >= v["1.0"]
p spec.class
require "thor/version"
p Thor::VERSION == spec.version.to_s

# require activates the gem holding the file (and its dependencies)
require "tzinfo"
p Gem.loaded_specs.key?("tzinfo")
p Gem.loaded_specs.key?("concurrent-ruby")
p Gem::Specification.find_by_name("rspec-core").name
begin
  gem "no-such-gem-xyz"
rescue Gem::MissingSpecError => e
  p e.class.ancestors.include?(LoadError)
  p e.name
end
begin
  gem "thor", "> 99"
rescue Gem::LoadError => e
  p e.class
end
begin
  require "no/such/feature/xyz"
rescue LoadError => e
  p e.path
end
# expect: true
# expect: true
# expect: true
# expect: [3, 1, 2]
# expect: true
# expect: "1.3"
# expect: ["1.2", "1.9.1", "1.10"]
# expect: -1
# expect: true
# expect: false
# expect: true
# expect: true
# expect: false
# expect: true
# expect: true
# expect: true
# expect: "thor"
# expect: true
# expect: Gem::Specification
# expect: true
# expect: true
# expect: true
# expect: "rspec-core"
# expect: true
# expect: "no-such-gem-xyz"
# expect: Gem::MissingSpecVersionError
# expect: "no/such/feature/xyz"
