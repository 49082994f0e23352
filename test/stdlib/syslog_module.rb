# require 'syslog': Syslog over syslog(3), its constants and macros, the open/close
# state and errors, and syslog/logger (CRuby's) on top of it.
require 'syslog'
p Syslog.inspect, Syslog.opened?, Syslog.ident, Syslog.mask
p Syslog::Constants.constants.sort == (Syslog::Option.constants + Syslog::Facility.constants + Syslog::Level.constants).sort
p Syslog.ancestors.map(&:to_s)[1..], Syslog.singleton_class.include?(Syslog::Macros)
p Syslog::LOG_MASK(Syslog::LOG_ERR), Syslog::LOG_UPTO(Syslog::LOG_ERR), Syslog::Facility::LOG_LOCAL3, Syslog::LOG_PID | Syslog::LOG_NDELAY
p((Syslog.info("x") rescue $!), (Syslog.close rescue $!), (Syslog.send(:mask=, 1) rescue $!))
s = Syslog.open("maglev-test", Syslog::LOG_PID | Syslog::LOG_NDELAY, Syslog::LOG_LOCAL3)
p s.equal?(Syslog), Syslog.instance.equal?(Syslog), Syslog.inspect
p Syslog.log(Syslog::LOG_DEBUG, "a %s test %d", "syslog", 1).equal?(Syslog), Syslog.debug("%05.1f", 3.14159).equal?(Syslog)
p((Syslog.open rescue $!), (Syslog.log(3) rescue $!), (Syslog.log rescue $!.class))
p Syslog.mask = Syslog::LOG_UPTO(Syslog::LOG_ERR), Syslog.mask
p Syslog.reopen("two").ident, Syslog.opened?, Syslog.facility
p Syslog.close, Syslog.opened?, Syslog.ident
p Syslog.open("blk") { |sl| [sl.ident, sl.opened?] }.inspect, Syslog.opened?
require 'syslog/logger'
l = Syslog::Logger.new("maglev-logger")
p l.class, l.level, l.info("logged"), l.debug?
# expect: "<#Syslog: opened=false>"
# expect: false
# expect: nil
# expect: nil
# expect: true
# expect: ["Syslog::Constants", "Syslog::Macros", "Syslog::Level", "Syslog::Facility", "Syslog::Option"]
# expect: true
# expect: 8
# expect: 15
# expect: 152
# expect: 9
# expect: #<RuntimeError: must open syslog before write>
# expect: #<RuntimeError: syslog not opened>
# expect: #<RuntimeError: must open syslog before setting log mask>
# expect: true
# expect: true
# expect: "<#Syslog: opened=true, ident=\"maglev-test\", options=9, facility=152, mask=255>"
# expect: true
# expect: true
# expect: #<RuntimeError: syslog already open>
# expect: #<ArgumentError: wrong number of arguments (given 1, expected 2+)>
# expect: ArgumentError
# expect: 15
# expect: 15
# expect: "two"
# expect: true
# expect: 8
# expect: nil
# expect: false
# expect: nil
# expect: "<#Syslog: opened=false>"
# expect: false
# expect: Syslog::Logger
# expect: 0
# expect: true
# expect: true
