#!/usr/bin/env bash
# Records whose checksum holds but whose class reference names a class that
# does not fit the record's type (a String record of class Rational, an
# Array of class String, a plain object of class Time, a Time of class
# Object, an object of class Integer): reading one raises a clear error
# naming its OOP, never a crash (Rational's methods read a String's body as
# their own: a segfault, found by flipping bits in records and fixing their
# checksums); nor does a Proc record whose count of lexical scopes promises
# more than the record holds (it allocated that many first), nor a class
# record whose count of class variables does (allocated anyway once found
# too big: 30 GB); the other records stay readable.
. "$(dirname "$0")/lib.sh"
mrb 'Maglev.persistent { class Node; def initialize = @v = "MK-NODE"; end }
     Maglev[:good] = "fine"
     Maglev[:s] = "MK-STRING"; Maglev[:a] = ["MK-ARRAY"]; Maglev[:n] = Node.new
     Maglev[:t] = Time.at(1_500_000_000).utc; Maglev[:i] = Node.new
     def mk_marker = -> { 1 }; Maglev[:pr] = mk_marker
     Maglev.persistent { class Other; end }; Maglev[:cls] = Other
     Maglev.commit' >/dev/null
# recls.rb FILE OOP CLASS...: in every record of FILE (a data.mdb, or lines
# "oop hex" on PostgreSQL) of object OOP, the class reference becomes CLASS's
# well-known OOP, the checksum fixed (CRC-32C, docs/format.md)
cat >"$MAGLEV_DATA/recls.rb" <<'RUBY'
T = (0..255).map { |i| c = i; 8.times { c = (c >> 1) ^ (c & 1 == 1 ? 0x82F63B78 : 0) }; c }
def crc(s) = s.each_byte.inject(0xFFFFFFFF) { |c, b| T[(c ^ b) & 0xff] ^ (c >> 8) } ^ 0xFFFFFFFF
file, oop, what = ARGV[0], Integer(ARGV[1]), ARGV[2]
# a record: u32 format, u32 CRC-32C of the rest, u64 version (LMDB; not on
# PostgreSQL), the payload: type, flags, 0, 0, the class (tag 6, type 2, u64 OOP).
# WHAT: a class name (the class reference names it), FROM=TO (hex: the
# payload's bytes FROM become TO), or tail=TO (its last bytes become TO)
fix = lambda do |rec, at|            # the payload starts at `at`
  if what.start_with?("tail=")       # the record's last bytes
    to = [what[5..]].pack("H*")
    rec[-to.bytesize..] = to
  elsif what.include?("=")
    from, to = what.split("=").map { [_1].pack("H*") }
    i = rec.index(from, at) or abort "no #{from.inspect} in the record"
    rec[i, from.bytesize] = to
  else
    rec[at + 6, 8] = [Object.const_get(what).object_id].pack("Q<")
  end
  rec[4, 4] = [crc(rec[8..])].pack("V")
  rec
end
if file.end_with?(".mdb")
  db = File.binread(file)
  n = 0
  # LMDB keeps stale copies of pages: every copy of the record, found by
  # its header's version and the payload's start (the OOP is the node key)
  key = [oop].pack("Q<")
  pos = 0
  while (k = db.index(key, pos))
    pos = k + 8
    at = k + 8 + 16
    next unless db.getbyte(at + 4) == 6 && db.getbyte(at + 5) == 2 && [2, 3, 4, 5].include?(db.getbyte(at - 16))   # record formats 2 to 5
    len = db[k - 8, 4].unpack1("V") rescue next       # LMDB node: u32 data size, u16 flags, u16 key size, key, data
    next unless len > 16 && len < 4096
    rec = db[k + 8, len]
    next unless crc(rec[8..]) == rec[4, 4].unpack1("V")
    rec = fix.call(rec, 16)
    db[k + 8, len] = rec
    n += 1
  end
  File.binwrite(file, db)
  puts n
else
  puts fix.call([File.read(file).strip].pack("H*"), 8).unpack1("H*")
end
RUBY
recls() {   # recls ROOT-KEY CLASS|FROM=TO
	local oop
	oop=$(mrb "p Maglev[:$1].object_id")
	if on_pg; then
		pg_sql "SELECT encode(data, 'hex') FROM mg_obj WHERE oop = $oop" >"$MAGLEV_DATA/rec.hex"
		pg_sql "UPDATE mg_obj SET data = '\\x$("$MRUBY" "$MAGLEV_DATA/recls.rb" "$MAGLEV_DATA/rec.hex" "$oop" "$2")' WHERE oop = $oop"
		echo 1
	else
		"$MRUBY" "$MAGLEV_DATA/recls.rb" "$MAGLEV_DATA/$MAGLEV_STONE/data.mdb" "$oop" "$2"
	fi
}
export MAGLEV_CACHE_DIR=off
OOPS=$(mrb 'puts %i[s a n t i].map { Maglev[_1].object_id }.join(" ")')
n=0
for kc in s:Rational a:String n:Time t:Object i:Integer; do
	c=$(recls "${kc%%:*}" "${kc#*:}")
	[ "${c:-0}" -gt 0 ] && n=$((n + 1))
done
# the count of a Proc's lexical scopes (one, after its label) read as 2^32 - 1
c=$(recls pr "$(printf 'block in mk_marker' | od -An -tx1 | tr -d ' \n')01000000=$(printf 'block in mk_marker' | od -An -tx1 | tr -d ' \n')ffffffff")
[ "${c:-0}" -gt 0 ] && n=$((n + 1))
expect "the six records were rewritten" "$n" 6
for k in s a n t i pr; do
	out=$("$MRUBY" -e "
	  begin
	    x = Maglev[:$k]
	    x.to_s; x.inspect; x.size rescue nil; x + x rescue nil; x.first rescue nil; x.year rescue nil; x.call rescue nil
	    puts :read
	  rescue => e
	    puts e.class, e.message[/corrupt record for OOP \\d+/] ? :named : e.message, e.message[/class does not fit|has no instances|truncated/] ? :why : e.message
	  end" 2>&1; echo "exit $?")
	expect "the record under :$k: an error naming its OOP and why" "$out" $'RuntimeError\nnamed\nwhy\nexit 0'
done
# the count of a class's class variables (the record's last u32) read as
# 3.8e9: every process meets it as it applies Object's constants (a warning
# on stderr), and a use of the class raises
expect "a class record rewritten" "$(recls cls tail=4e895be3)" 1
out=$("$MRUBY" -e '
  begin
    Maglev[:cls].new
  rescue => e
    puts e.class, e.message[/corrupt record for OOP \d+/] ? :named : e.message, e.message[/truncated/] ? :why : e.message
  end' 2>"$MAGLEV_DATA/err"; echo "exit $?")
expect "a class record whose count of class variables is too big" "$out" $'RuntimeError\nnamed\nwhy\nexit 0'
expect "and the warning" "$(grep -c '^maglev: applying the definitions of Object: corrupt record for OOP [0-9]* .*class record is truncated$' "$MAGLEV_DATA/err")" 1
# maglev check names them, and says why: the five whose class does not fit,
# the two whose counts promise more than their records hold
chk=$("$ROOT/bin/maglev" check test 2>&1)
misfit=""
for o in $OOPS; do misfit="$misfit$(grep -c "^corrupt: object $o: its class \(does not fit its type\|does not fit its data\|has no instances in records\)$" <<<"$chk")"; done
expect "maglev check reports each record whose class does not fit" "$misfit" "11111"
expect "and the two truncated ones" "$(grep -c '^corrupt: object [0-9]*: record is truncated$' <<<"$chk")" "2"
expect "the others are readable" "$(mrb 'p Maglev[:good]')" '"fine"'
finish
