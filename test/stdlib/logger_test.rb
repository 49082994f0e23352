# Logger on a StringIO: levels, progname, a formatter, filtering, <<, add
require "logger"
require "stringio"
io = StringIO.new
log = Logger.new(io, progname: "app")
log.formatter = proc { |sev, _time, prog, msg| "#{sev}|#{prog}|#{msg}\n" }
log.debug("d1"); log.info("i1"); log.warn { "w-block" }; log.error("e1"); log.fatal("f1"); log.unknown("u1")
log.level = Logger::WARN
log.info("hidden"); log.warn("shown")
log.level = :error
p log.level, log.error?, log.warn?, log.info?
log.add(Logger::ERROR, "added", "other")
log << "raw\n"
print io.string
p Logger::DEBUG, Logger::INFO, Logger::WARN, Logger::ERROR, Logger::FATAL, Logger::UNKNOWN
default = StringIO.new
l2 = Logger.new(default)
l2.info("plain")
p default.string.match?(/\AI, \[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6} #\d+\]  INFO -- : plain\n\z/)
p Logger::Formatter.new.call("WARN", Time.at(0).utc, "p", "m").sub(/#\d+/, "#PID")
# expect: 3
# expect: true
# expect: false
# expect: false
# expect: DEBUG|app|d1
# expect: INFO|app|i1
# expect: WARN|app|w-block
# expect: ERROR|app|e1
# expect: FATAL|app|f1
# expect: ANY|app|u1
# expect: WARN|app|shown
# expect: ERROR|other|added
# expect: raw
# expect: 0
# expect: 1
# expect: 2
# expect: 3
# expect: 4
# expect: 5
# expect: true
# expect: "W, [1970-01-01T00:00:00.000000 #PID]  WARN -- p: m\n"
