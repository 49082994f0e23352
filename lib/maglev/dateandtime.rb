# maglev/dateandtime.rb -- DateAndTime, GemStone's timestamp class, as a
# persistable Ruby class (MAGLEV-API.md section 9; docs/libraries.md).
#
#   t = DateAndTime.now                       # or Time.now.as_date_and_time
#   t.year, t.month, t.day, t.hour, t.minute, t.second
#   t + 60                                    # a DateAndTime a minute later
#   t2 - t                                    # seconds between (a Rational)
#   t.to_s                                    # "2026-12-01T13:51:06+00:00"
#   t.as_time                                 # back to a Time
#
# A DateAndTime is an instant (whole seconds since the Unix epoch and a
# nanosecond part) and the UTC offset it is shown in, three Integers, so it
# persists in any mode and reads the same in every process. It is immutable.
# The class is a base-image library class (LIB_CLASS in
# src/object/coreclasses.def): a process that faults one loads this file.
class DateAndTime
  include Comparable

  attr_reader :seconds_since_epoch, :nanoseconds, :utc_offset

  # The current time in this process's local offset.
  def self.now = from_time(Time.now)

  def self.from_time(time)
    raise TypeError, "no implicit conversion of #{time.class} into Time" unless time.is_a?(Time)
    new_instant(time.to_i, time.nsec, time.utc_offset)
  end

  # Seconds since the epoch (Integer, Rational or Float), shown in UTC
  # unless an offset (seconds or "+HH:MM") is given.
  def self.at(seconds, offset = 0)
    r = seconds.to_r
    s = r.floor
    new_instant(s, ((r - s) * 1_000_000_000).floor, offset_seconds(offset))
  end

  # DateAndTime.new(2026, 12, 1, 13, 51, 6, "+01:00"): the civil time in the
  # given offset (seconds or "+HH:MM", default UTC); second may have a fraction.
  def self.new(year, month = 1, day = 1, hour = 0, minute = 0, second = 0, offset = 0)
    off = offset_seconds(offset)
    t = Time.new(year, month, day, hour, minute, second, off)
    new_instant(t.to_i, t.nsec, off)
  end

  # Reads to_s's format back ("YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM)").
  def self.parse(string)
    m = /\A(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(\.\d+)?(Z|[+-]\d\d:?\d\d)?\z/.match(string.to_s.strip)
    raise ArgumentError, "not an ISO 8601 date and time: #{string.inspect}" unless m
    sec = m[6].to_i + (m[7] ? Rational(m[7][1..].to_i, 10**(m[7].size - 1)) : 0)
    off = m[8].nil? || m[8] == "Z" ? 0 : m[8]
    new(m[1].to_i, m[2].to_i, m[3].to_i, m[4].to_i, m[5].to_i, sec, off)
  end

  def self.new_instant(seconds, nanoseconds, offset)
    d = allocate
    d.__send__(:set, seconds, nanoseconds, offset)
    d
  end

  def self.offset_seconds(offset)
    case offset
    when Integer then offset
    when String
      m = /\A([+-])(\d\d):?(\d\d)\z/.match(offset)
      raise ArgumentError, "not a UTC offset: #{offset.inspect}" unless m
      (m[2].to_i * 3600 + m[3].to_i * 60) * (m[1] == "-" ? -1 : 1)
    else raise TypeError, "a UTC offset is seconds or \"+HH:MM\", not #{offset.inspect}"
    end
  end
  private_class_method :new_instant, :offset_seconds

  # ---- conversions ----

  def as_time = Time.at(@seconds_since_epoch, @nanoseconds, :nsec, in: @utc_offset)
  alias_method :to_time, :as_time
  def to_i = @seconds_since_epoch
  def to_r = @seconds_since_epoch + Rational(@nanoseconds, 1_000_000_000)
  # GemStone's asPosixSeconds (MagLev's as_posix_seconds): seconds since the
  # epoch with their fraction, exactly (GemStone answers a ScaledDecimal)
  alias_method :as_posix_seconds, :to_r
  def to_f = to_r.to_f

  # The same instant shown in UTC, or in another offset.
  def utc = in_offset(0)
  def in_offset(offset) = DateAndTime.at(to_r, offset)

  # ---- fields (in the DateAndTime's own offset) ----

  def year = as_time.year
  def month = as_time.month
  def day = as_time.day
  alias_method :day_of_month, :day
  def hour = as_time.hour
  def minute = as_time.min
  def second = as_time.sec
  def day_of_week = as_time.wday
  def day_of_year = as_time.yday

  # ---- arithmetic and comparison ----

  def +(seconds)
    raise TypeError, "DateAndTime + #{seconds.class}: add a number of seconds" unless seconds.is_a?(Numeric)
    DateAndTime.at(to_r + seconds.to_r, @utc_offset)
  end

  # A DateAndTime minus seconds, or the seconds (a Rational) between two.
  def -(other)
    return to_r - other.to_r if other.is_a?(DateAndTime)
    raise TypeError, "DateAndTime - #{other.class}: subtract seconds or a DateAndTime" unless other.is_a?(Numeric)
    self + -other
  end

  def <=>(other)
    return nil unless other.is_a?(DateAndTime)
    [@seconds_since_epoch, @nanoseconds] <=> [other.seconds_since_epoch, other.nanoseconds]
  end

  # Equal instants, whatever the offsets they are shown in.
  def ==(other) = other.is_a?(DateAndTime) && (self <=> other) == 0
  def eql?(other) = other.is_a?(DateAndTime) && self == other && @utc_offset == other.utc_offset
  def hash = [@seconds_since_epoch, @nanoseconds].hash

  # ---- printing: ISO 8601 ----

  def to_s
    t = as_time
    frac = @nanoseconds.zero? ? "" : format(".%09d", @nanoseconds).sub(/0+\z/, "")
    zone = @utc_offset.zero? ? "+00:00" : t.strftime("%:z")
    t.strftime("%Y-%m-%dT%H:%M:%S") + frac + zone
  end
  alias_method :iso8601, :to_s

  def inspect = "#<DateAndTime #{self}>"

  private

  def set(seconds, nanoseconds, offset)
    @seconds_since_epoch = seconds
    @nanoseconds = nanoseconds
    @utc_offset = offset
    freeze
  end
end

class Time
  def as_date_and_time = DateAndTime.from_time(self)
  alias_method :to_date_and_time, :as_date_and_time
end
