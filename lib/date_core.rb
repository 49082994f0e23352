# date_core.rb -- maglev's stand-in for CRuby's date_core extension, under
# Debian's date.rb: Date and DateTime on the proleptic Gregorian calendar (a day
# is its chronological Julian Day Number), Date._parse / _strptime / _iso8601 for
# time.rb's Time.parse and Time.strptime, Time#to_date / #to_datetime.
# Not covered: the Julian calendar before the reform (start is accepted and
# ignored), fractional-day arithmetic on DateTime beyond seconds, Date._parse's
# rarer formats (Japanese eras, ordinal and week dates in free text).

class Date
  include Comparable

  class Error < ArgumentError; end

  ITALY = 2299161
  ENGLAND = 2361222
  JULIAN = Float::INFINITY
  GREGORIAN = -Float::INFINITY
  MONTHNAMES = [nil, "January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December"].freeze
  ABBR_MONTHNAMES = [nil, "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].freeze
  DAYNAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"].freeze
  ABBR_DAYNAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].freeze

  class << self
    def civil_to_jd(y, m, d)
      a = (14 - m) / 12
      yy = y + 4800 - a
      mm = m + 12 * a - 3
      d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - yy / 100 + yy / 400 - 32045
    end

    def jd_to_civil(jd)
      a = jd + 32044
      b = (4 * a + 3) / 146097
      c = a - 146097 * b / 4
      d = (4 * c + 3) / 1461
      e = c - 1461 * d / 4
      m = (5 * e + 2) / 153
      [100 * b + d - 4800 + m / 10, m + 3 - 12 * (m / 10), e - (153 * m + 2) / 5 + 1]
    end

    def gregorian_leap?(y) = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
    alias leap? gregorian_leap?
    def julian_leap?(y) = y % 4 == 0

    def days_in_month(y, m)
      return 29 if m == 2 && gregorian_leap?(y)
      [nil, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m]
    end

    # the JD of y-m-d with negative month/day counted from the end, or nil
    def valid_civil_jd(y, m, d)
      return nil unless y.is_a?(Integer) && m.is_a?(Integer) && d.is_a?(Integer)
      m += 13 if m < 0
      return nil if m < 1 || m > 12
      dim = days_in_month(y, m)
      d = dim + d + 1 if d < 0
      return nil if d < 1 || d > dim
      civil_to_jd(y, m, d)
    end

    def valid_civil?(y, m, d, start = ITALY) = !valid_civil_jd(y, m, d).nil?
    alias valid_date? valid_civil?
    def valid_jd?(jd, start = ITALY) = jd.is_a?(Numeric)

    def valid_ordinal?(y, d, start = ITALY)
      n = gregorian_leap?(y) ? 366 : 365
      d = n + d + 1 if d < 0
      d >= 1 && d <= n
    end

    def civil(y = -4712, m = 1, d = 1, start = ITALY)
      jd = valid_civil_jd(y, m, d.is_a?(Integer) ? d : d.floor)
      raise Date::Error, "invalid date" unless jd
      new_by_jd(jd, (d.is_a?(Integer) ? 0 : d - d.floor))
    end

    def jd(jd = 0, start = ITALY) = new_by_jd(jd.floor, jd - jd.floor)

    def ordinal(y = -4712, d = 1, start = ITALY)
      raise Date::Error, "invalid date" unless valid_ordinal?(y, d)
      n = gregorian_leap?(y) ? 366 : 365
      d = n + d + 1 if d < 0
      new_by_jd(civil_to_jd(y, 1, 1) + d - 1)
    end

    def today(start = ITALY)
      t = Time.now
      civil(t.year, t.mon, t.mday)
    end

    def new_by_jd(jd, frac = 0) # :nodoc:
      d = allocate
      d.__send__(:_init_jd, jd, frac)
      d
    end

    def _iso8601(str)
      h = {}
      if (m = /\A\s*([-+]?\d{4,})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[-+]\d{2}(?::?\d{2})?)?)?\s*\z/i.match(str))
        h[:year] = m[1].to_i; h[:mon] = m[2].to_i; h[:mday] = m[3].to_i
        _time_parts(h, m[4], m[5], m[6], m[7], m[8])
      elsif (m = /\A\s*([-+]?\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(?:(\d{2})(?:[.,](\d+))?)?\s*(Z|[-+]\d{2}(?::?\d{2})?)?)?\s*\z/i.match(str))
        h[:year] = m[1].to_i; h[:mon] = m[2].to_i; h[:mday] = m[3].to_i
        _time_parts(h, m[4], m[5], m[6], m[7], m[8])
      end
      h
    end

    def _time_parts(h, hour, min, sec, frac, zone) # :nodoc:
      return unless hour
      h[:hour] = hour.to_i
      h[:min] = min.to_i if min
      h[:sec] = sec.to_i if sec
      h[:sec_fraction] = Rational(frac.to_i, 10**frac.size) if frac
      if zone
        h[:zone] = zone
        h[:offset] = zone_to_diff(zone)
      end
    end

    ZONES = { "utc" => 0, "ut" => 0, "gmt" => 0, "z" => 0, "est" => -5, "edt" => -4, "cst" => -6, "cdt" => -5,
              "mst" => -7, "mdt" => -6, "pst" => -8, "pdt" => -7, "jst" => 9, "cet" => 1, "cest" => 2,
              "eet" => 2, "eest" => 3, "bst" => 1, "ist" => 5.5, "hst" => -10, "akst" => -9, "akdt" => -8,
              "aest" => 10, "aedt" => 11, "wet" => 0, "west" => 1, "msk" => 3 }.freeze # :nodoc:

    def zone_to_diff(zone) # :nodoc:
      z = zone.to_s.strip.downcase
      return (ZONES[z] * 3600).to_i if ZONES.key?(z)
      if (m = /\A(?:gmt|utc)?([-+])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?\z/.match(z))
        s = m[2].to_i * 3600 + m[3].to_i * 60 + m[4].to_i
        return m[1] == "-" ? -s : s
      end
      nil
    end

    MONTH_RE = /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?/i # :nodoc:
    DAY_RE = /\b(sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?\b/i # :nodoc:

    def _month_num(name) = ABBR_MONTHNAMES.index(name[0, 3].capitalize) # :nodoc:

    def _parse(str, comp = true)
      s = str.to_s.dup
      s.sub!(/(\d-\d{1,2})[Tt](?=\d{1,2}:\d)/, '\1 ')   # ISO 8601's date-T-time
      h = {}
      if (m = DAY_RE.match(s))
        h[:wday] = ABBR_DAYNAMES.index(m[1].capitalize)
        s[m.begin(0)...m.end(0)] = " "
      end
      zone_re = /(?:\s*(Z\b|[A-Za-z]{3,4}(?:[-+]\d{1,2}(?::?\d{2})?)?\b(?<!\bam|\bpm|\bAM|\bPM)|[-+]\d{2}:?\d{2}\b|[-+]\d{1,2}\b))?/
      if (m = /(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([ap]\.?m\.?\b)?#{zone_re.source}/i.match(s))
        hour = m[1].to_i
        if m[5]
          hour %= 12
          hour += 12 if m[5].downcase.start_with?("p")
        end
        h[:hour] = hour
        h[:min] = m[2].to_i
        h[:sec] = m[3].to_i if m[3]
        h[:sec_fraction] = Rational(m[4].to_i, 10**m[4].size) if m[4]
        if m[6] && (off = zone_to_diff(m[6]))
          h[:zone] = m[6]
          h[:offset] = off
        end
        s[m.begin(0)...m.end(0)] = " "
      elsif (m = /\b(\d{1,2})\s*([ap])\.?m\.?\b/i.match(s))
        hour = m[1].to_i % 12
        hour += 12 if m[2].downcase == "p"
        h[:hour] = hour
        s[m.begin(0)...m.end(0)] = " "
      end
      if (m = /([-+]?\d{2,})-(\d{1,2})-(\d{1,2})\b/.match(s))
        h[:year] = m[1].to_i; h[:mon] = m[2].to_i; h[:mday] = m[3].to_i
        h[:year] += (h[:year] >= 69 ? 1900 : 2000) if comp && m[1] =~ /\A\d{2}\z/
      elsif (m = /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.match(s))
        h[:year] = m[1].to_i; h[:mon] = m[2].to_i; h[:mday] = m[3].to_i
      elsif (m = /\b(\d{1,2})\/(\d{1,2})(?:\/(-?\d+))?\b/.match(s))
        h[:mon] = m[1].to_i; h[:mday] = m[2].to_i
        if m[3]
          h[:year] = m[3].to_i
          h[:year] += (h[:year] >= 69 ? 1900 : 2000) if comp && m[3] =~ /\A\d{2}\z/
        end
      elsif (m = /\b(\d{1,2})(?:st|nd|rd|th)?\.?\s*#{MONTH_RE.source}(?:,?\s*(-?\d+))?/i.match(s))
        h[:mday] = m[1].to_i; h[:mon] = _month_num(m[2])
        if m[3]
          h[:year] = m[3].to_i
          h[:year] += (h[:year] >= 69 ? 1900 : 2000) if comp && m[3] =~ /\A\d{2}\z/
        end
      elsif (m = /#{MONTH_RE.source}\s*(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*(-?\d+))?/i.match(s))
        h[:mon] = _month_num(m[1]); h[:mday] = m[2].to_i
        if m[3]
          h[:year] = m[3].to_i
          h[:year] += (h[:year] >= 69 ? 1900 : 2000) if comp && m[3] =~ /\A\d{2}\z/
        end
      elsif (m = /#{MONTH_RE.source}\s*(\d{4})\b/i.match(s))
        h[:mon] = _month_num(m[1]); h[:year] = m[2].to_i
      elsif (m = /\b(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?\b/.match(s))
        h[:year] = m[1].to_i; h[:mon] = m[2].to_i; h[:mday] = m[3].to_i
        _time_parts(h, m[4], m[5], m[6], nil, nil)
      elsif (m = /\b(\d{4})\b/.match(s)) && !h.key?(:hour)
        h[:year] = m[1].to_i
      end
      h
    end

    STRPTIME = {
      "Y" => [/[-+]?\d+/, :year], "C" => [/[-+]?\d{1,2}/, :_cent], "y" => [/\d{1,2}/, :_year2],
      "m" => [/\d{1,2}/, :mon], "d" => [/\s?\d{1,2}/, :mday], "e" => [/\s?\d{1,2}/, :mday],
      "j" => [/\d{1,3}/, :yday], "H" => [/\s?\d{1,2}/, :hour], "k" => [/\s?\d{1,2}/, :hour],
      "I" => [/\s?\d{1,2}/, :_hour12], "l" => [/\s?\d{1,2}/, :_hour12], "M" => [/\d{1,2}/, :min],
      "S" => [/\d{1,2}/, :sec], "L" => [/\d+/, :_msec], "N" => [/\d+/, :_nsec], "p" => [/[ap]\.?m\.?/i, :_merid],
      "P" => [/[ap]\.?m\.?/i, :_merid], "z" => [/Z|[-+]\d{2}(?::?\d{2}(?::?\d{2})?)?|[A-Za-z]+(?:[-+]\d+)?/i, :zone],
      "Z" => [/Z|[-+]\d{2}(?::?\d{2})?|[A-Za-z][A-Za-z ]*?(?=\s|\z|[^A-Za-z])|[A-Za-z]+/i, :zone],
      "s" => [/-?\d+/, :seconds], "Q" => [/-?\d+/, :_mseconds], "u" => [/\d/, :cwday], "w" => [/\d/, :wday],
      "a" => [/[A-Za-z]+/, :_dayname], "A" => [/[A-Za-z]+/, :_dayname], "b" => [/[A-Za-z]+/, :_monname],
      "B" => [/[A-Za-z]+/, :_monname], "h" => [/[A-Za-z]+/, :_monname],
    }.freeze # :nodoc:
    STRPTIME_COMPOSITE = { "F" => "%Y-%m-%d", "T" => "%H:%M:%S", "D" => "%m/%d/%y", "R" => "%H:%M",
                           "r" => "%I:%M:%S %p", "c" => "%a %b %e %H:%M:%S %Y", "x" => "%m/%d/%y",
                           "X" => "%H:%M:%S", "v" => "%e-%b-%Y", "+" => "%a %b %e %H:%M:%S %Z %Y" }.freeze # :nodoc:

    def _strptime(str, fmt = "%F")
      fmt = fmt.gsub(/%([FTDRrcxXv+])/) { STRPTIME_COMPOSITE[$1] }
      h = {}
      pos = 0
      i = 0
      while i < fmt.size
        c = fmt[i]
        if c == "%" && i + 1 < fmt.size
          d = fmt[i + 1]
          i += 2
          if d == "%"
            return nil unless str[pos] == "%"
            pos += 1
            next
          elsif d == "n" || d == "t"
            pos += 1 while pos < str.size && str[pos] =~ /\s/
            next
          end
          spec = STRPTIME[d] or return nil
          m = /\A(?:#{spec[0].source})/i.match(str[pos..])
          return nil unless m
          val = m[0]
          pos += val.size
          case spec[1]
          when :zone
            h[:zone] = val
            h[:offset] = zone_to_diff(val)
          when :_year2
            y = val.to_i
            h[:year] = y + (y >= 69 ? 1900 : 2000)
          when :_cent then h[:_cent] = val.to_i
          when :_hour12 then h[:hour] = val.to_i; h[:_hour12] = true
          when :_merid then h[:_merid] = val.downcase.start_with?("p") ? 12 : 0
          when :_msec then h[:sec_fraction] = Rational(val.to_i, 10**val.size)
          when :_nsec then h[:sec_fraction] = Rational(val.to_i, 10**val.size)
          when :_mseconds then h[:seconds] = Rational(val.to_i, 1000)
          when :_dayname
            idx = ABBR_DAYNAMES.index(val[0, 3].capitalize) or return nil
            h[:wday] = idx
          when :_monname
            idx = ABBR_MONTHNAMES.index(val[0, 3].capitalize) or return nil
            h[:mon] = idx
          else
            h[spec[1]] = val.to_i
          end
        elsif c =~ /\s/
          pos += 1 while pos < str.size && str[pos] =~ /\s/
          i += 1
        else
          return nil unless str[pos] == c
          pos += 1
          i += 1
        end
      end
      if h.key?(:_cent)
        c = h.delete(:_cent)
        h[:year] = c * 100 + (h[:year] ? h[:year] % 100 : 0)
      end
      if h.key?(:_merid)
        mer = h.delete(:_merid)
        h[:hour] = h[:hour] % 12 + mer if h[:hour]
      end
      h.delete(:_hour12)
      h[:leftover] = str[pos..] if pos < str.size
      h
    end

    def _rfc3339(str) = _iso8601(str)
    def _xmlschema(str) = _iso8601(str)
    def _rfc2822(str) = _parse(str)
    def _httpdate(str) = _parse(str)

    def _from_hash(h, klass = self) # :nodoc:
      raise Date::Error, "invalid date" unless h
      if h[:seconds]
        t = Time.at(h[:seconds]).utc
        return klass == DateTime ? DateTime.new(t.year, t.mon, t.mday, t.hour, t.min, t.sec) : civil(t.year, t.mon, t.mday)
      end
      y = h[:year] || today.year
      if h[:yday] && !h[:mon]
        d = ordinal(y, h[:yday])
      else
        mon = h[:mon] || 1
        mday = h[:mday] || 1
        raise Date::Error, "invalid date" unless valid_civil?(y, mon, mday)
        d = civil(y, mon, mday)
      end
      return d unless klass == DateTime
      DateTime.new(d.year, d.mon, d.mday, h[:hour] || 0, h[:min] || 0, (h[:sec] || 0) + (h[:sec_fraction] || 0),
                   Rational(h[:offset] || 0, 86400))
    end

    def parse(str = "-4712-01-01", comp = true, start = ITALY, limit: 128)
      h = _parse(str, comp)
      raise Date::Error, "invalid date" if h.empty? || !(h[:year] || h[:mon] || h[:mday] || h[:yday] || h[:wday])
      _from_hash(h, self)
    end

    def strptime(str = "-4712-01-01", fmt = "%F", start = ITALY)
      h = _strptime(str, fmt)
      raise Date::Error, "invalid date" if h.nil? || h.key?(:leftover)
      _from_hash(h, self)
    end

    def iso8601(str = "-4712-01-01", start = ITALY, limit: 128)
      h = _iso8601(str)
      raise Date::Error, "invalid date" if h.empty?
      _from_hash(h, self)
    end
    alias xmlschema iso8601
    alias rfc3339 iso8601
  end

  def initialize(y = -4712, m = 1, d = 1, start = ITALY)
    jd = self.class.valid_civil_jd(y, m, d)
    raise Date::Error, "invalid date" unless jd
    _init_jd(jd, 0)
  end

  def _init_jd(jd, frac) # :nodoc:
    @jd = jd
    @df = frac
    @civil = nil
  end
  private :_init_jd

  def _civil = (@civil ||= Date.jd_to_civil(@jd)) # :nodoc:
  private :_civil

  def jd = @jd
  def ajd = Rational(@jd * 2 - 1, 2) + @df
  def mjd = @jd - 2400001
  def ld = @jd - 2299160
  def day_fraction = @df
  def start = ITALY
  def new_start(start = ITALY) = self
  def year = _civil[0]
  def mon = _civil[1]
  alias month mon
  def mday = _civil[2]
  alias day mday
  def wday = (@jd + 1) % 7
  def yday = @jd - Date.civil_to_jd(year, 1, 1) + 1
  def leap? = Date.gregorian_leap?(year)
  def gregorian? = true
  def julian? = false
  def gregorian = self
  def cwday = wday == 0 ? 7 : wday

  def cweek
    _cw[1]
  end

  def cwyear
    _cw[0]
  end

  def _cw # :nodoc:
    y = year
    [y + 1, y, y - 1].each do |cy|
      jan4 = Date.civil_to_jd(cy, 1, 4)
      start = jan4 - ((jan4 + 1) % 7 == 0 ? 6 : (jan4 + 1) % 7 - 1)
      return [cy, (@jd - start) / 7 + 1] if @jd >= start
    end
  end
  private :_cw

  DAYNAMES.each_with_index { |n, i| define_method(:"#{n.downcase}?") { wday == i } }

  def +(n)
    case n
    when Integer then self.class.new_by_jd(@jd + n, @df)
    when Numeric
      f = @df + n
      self.class.new_by_jd(@jd + f.floor, f - f.floor)._copy_time(self)
    else raise TypeError, "expected numeric"
    end
  end

  def -(x)
    case x
    when Date then Rational(@jd - x.jd) + (@df - x.day_fraction)
    when Numeric then self + -x
    else raise TypeError, "expected numeric or date"
    end
  end

  def _copy_time(_) = self # :nodoc:

  def >>(n)
    raise TypeError, "expected numeric" unless n.is_a?(Numeric)
    t = year * 12 + (mon - 1) + n.to_i
    y, m = t.divmod(12)
    m += 1
    d = [mday, Date.days_in_month(y, m)].min
    self + (Date.civil_to_jd(y, m, d) - @jd)
  end

  def <<(n) = self >> -n
  def next_day(n = 1) = self + n
  def prev_day(n = 1) = self - n
  def next_month(n = 1) = self >> n
  def prev_month(n = 1) = self << n
  def next_year(n = 1) = self >> (n * 12)
  def prev_year(n = 1) = self << (n * 12)
  def succ = next_day
  alias next succ

  def <=>(other)
    case other
    when Date then [ajd, 0] <=> [other.ajd, 0]
    when Numeric then ajd <=> other
    end
  end

  def ==(other)
    return false unless other.is_a?(Date) || other.is_a?(Numeric)
    (self <=> other) == 0
  end

  def ===(other)
    case other
    when Date then jd == other.jd
    when Numeric then jd == other.to_i
    else false
    end
  end

  def eql?(other) = other.is_a?(Date) && self == other
  def hash = [@jd, @df].hash

  def step(limit, by = 1)
    return to_enum(:step, limit, by) unless block_given?
    d = self
    if by > 0
      while d <= limit
        yield d
        d += by
      end
    elsif by < 0
      while d >= limit
        yield d
        d += by
      end
    end
    self
  end

  def upto(max, &b) = block_given? ? step(max, 1, &b) : to_enum(:upto, max)
  def downto(min, &b) = block_given? ? step(min, -1, &b) : to_enum(:downto, min)

  def to_s = format("%.4d-%02d-%02d", year, mon, mday)
  alias iso8601 to_s
  alias xmlschema to_s
  def rfc3339 = strftime("%Y-%m-%dT%H:%M:%S%:z")
  def rfc2822 = strftime("%a, %-d %b %Y %T %z")
  alias rfc822 rfc2822
  def httpdate = new_offset(0).strftime("%a, %d %b %Y %T GMT")
  def jisx0301 = to_s
  def inspect = "#<#{self.class}: #{self} ((#{@jd}j,0s,0n),+0s,2299161j)>"

  def strftime(fmt = "%F")
    _to_time_for_format.strftime(fmt)
  end

  def _to_time_for_format = Time.utc(year, mon, mday) # :nodoc:
  private :_to_time_for_format

  def to_date = self
  def to_datetime = DateTime.new(year, mon, mday)
  def to_time = Time.local(year, mon, mday)
  def new_offset(of = 0) = to_datetime.new_offset(of)
  def asctime = strftime("%a %b %e %H:%M:%S %Y")
  alias ctime asctime
  def marshal_dump = [@jd, @df]
  def marshal_load(a) = _init_jd(*a)
  def deconstruct_keys(keys) = { year: year, month: mon, day: mday, yday: yday, wday: wday }
end

class DateTime < Date
  class << self
    def civil(y = -4712, m = 1, d = 1, h = 0, min = 0, s = 0, of = 0, start = Date::ITALY)
      dt = allocate
      dt.__send__(:_init_dt, y, m, d, h, min, s, of)
      dt
    end
    alias new civil

    def jd(jd = 0, h = 0, min = 0, s = 0, of = 0, start = Date::ITALY)
      y, m, d = Date.jd_to_civil(jd)
      civil(y, m, d, h, min, s, of)
    end

    def now(start = Date::ITALY)
      t = Time.now
      civil(t.year, t.mon, t.mday, t.hour, t.min, t.sec + Rational(t.nsec, 1_000_000_000), Rational(t.utc_offset, 86400))
    end

    def parse(str = "-4712-01-01T00:00:00+00:00", comp = true, start = Date::ITALY, limit: 128)
      h = Date._parse(str, comp)
      raise Date::Error, "invalid date" if h.empty?
      Date._from_hash(h, DateTime)
    end

    def strptime(str = "-4712-01-01T00:00:00+00:00", fmt = "%FT%T%z", start = Date::ITALY)
      h = Date._strptime(str, fmt)
      raise Date::Error, "invalid date" if h.nil? || h.key?(:leftover)
      Date._from_hash(h, DateTime)
    end

    def iso8601(str = "-4712-01-01T00:00:00+00:00", start = Date::ITALY, limit: 128)
      h = Date._iso8601(str)
      raise Date::Error, "invalid date" if h.empty?
      Date._from_hash(h, DateTime)
    end
  end

  def _init_dt(y, m, d, h, min, s, of) # :nodoc:
    jd = Date.valid_civil_jd(y, m, d)
    raise Date::Error, "invalid date" unless jd
    of = Rational(Date.zone_to_diff(of) || 0, 86400) if of.is_a?(String)
    h += 24 if h < 0
    min += 60 if min < 0
    s += 60 if s < 0
    raise Date::Error, "invalid date" if h > 24 || min > 59 || s >= 60
    @hour, @minute = h, min
    @sec_r = s.is_a?(Integer) ? s : s.to_r
    @of = of.to_r
    _init_jd(jd, 0)
  end
  private :_init_dt

  def hour = @hour
  def min = @minute
  alias minute min
  def sec = @sec_r.floor
  alias second sec
  def sec_fraction = @sec_r - @sec_r.floor
  alias second_fraction sec_fraction
  def offset = @of

  def zone
    s = (@of * 86400).to_i
    format("%s%02d:%02d", s < 0 ? "-" : "+", s.abs / 3600, s.abs % 3600 / 60)
  end

  def day_fraction = Rational(@hour * 3600 + @minute * 60, 86400) + Rational(@sec_r, 86400)
  def ajd = Rational(jd * 2 - 1, 2) + day_fraction - @of

  def _copy_time(o) # :nodoc:
    self
  end

  def +(n)
    return super unless n.is_a?(Numeric)
    secs = (to_time_utc_seconds + n * 86400)
    _from_utc_seconds(secs, @of)
  end

  def to_time_utc_seconds # :nodoc:
    (jd - 2440588) * 86400 + @hour * 3600 + @minute * 60 + @sec_r - (@of * 86400)
  end

  def _from_utc_seconds(secs, of) # :nodoc:
    local = secs + of * 86400
    days, rem = local.divmod(86400)
    y, m, d = Date.jd_to_civil(days.to_i + 2440588)
    h, rem = rem.divmod(3600)
    mi, s = rem.divmod(60)
    DateTime.civil(y, m, d, h.to_i, mi.to_i, s.is_a?(Float) ? s.to_r : s, of)
  end

  def -(x)
    return Rational(to_time_utc_seconds - x.to_time_utc_seconds, 86400) if x.is_a?(DateTime)
    super
  end

  def >>(n)
    d = Date.civil(year, mon, mday) >> n
    DateTime.civil(d.year, d.mon, d.mday, @hour, @minute, @sec_r, @of)
  end

  def new_offset(of = 0)
    of = Rational(Date.zone_to_diff(of) || 0, 86400) if of.is_a?(String)
    _from_utc_seconds(to_time_utc_seconds, of.to_r)
  end

  def to_s = strftime("%Y-%m-%dT%H:%M:%S%:z")
  def iso8601(n = 0)
    frac = n > 0 ? "." + format("%0#{n}d", (sec_fraction * 10**n).floor) : ""
    strftime("%Y-%m-%dT%H:%M:%S") + frac + strftime("%:z")
  end
  alias xmlschema iso8601
  alias rfc3339 iso8601
  def jisx0301(n = 0) = iso8601(n)
  def inspect = "#<#{self.class}: #{self} ((#{jd}j,#{(@hour * 3600 + @minute * 60 + sec) - (@of * 86400).to_i}s,0n),#{format('%+d', (@of * 86400).to_i)}s,2299161j)>"

  def strftime(fmt = "%FT%T%:z")
    t = Time.new(year, mon, mday, @hour, @minute, @sec_r, (@of * 86400).to_i)
    t.strftime(fmt)
  end

  def to_date = Date.civil(year, mon, mday)
  def to_datetime = self
  def to_time = Time.new(year, mon, mday, @hour, @minute, @sec_r, (@of * 86400).to_i).getlocal
  def deconstruct_keys(keys) = super.merge(hour: @hour, min: @minute, sec: sec, sec_fraction: sec_fraction, zone: zone)
end

class Time
  def to_date = Date.civil(year, mon, mday)
  def to_datetime = DateTime.civil(year, mon, mday, hour, min, sec + Rational(nsec, 1_000_000_000), Rational(utc_offset, 86400))
  def to_time = self
end
