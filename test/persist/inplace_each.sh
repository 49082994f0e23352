#!/usr/bin/env bash
# Every in-place change of a core object (Array, Hash, String, Struct, Set,
# OpenStruct, Object, Time, Exception), made alone on a persistent object a
# new process has just read, makes it need a commit and reaches the
# repository: a later process reads exactly what the same steps give a
# transient copy (Hash#shift and #compact! once changed a Hash without
# telling the transaction, so the change was lost). An abort inside the block
# of a Hash's own delete_if or each resets the Hash and the iteration goes on
# (refilling the Hash read again raised "can't add a new key into hash
# during iteration").
. "$(dirname "$0")/lib.sh"
cat >"$MAGLEV_DATA/sweep.rb" <<'RUBY'
require 'set'
require 'ostruct'
Maglev.persistent { S = Struct.new(:a, :b) } unless defined?(S)
CASES = {
  # Array
  a_push: ['[1,2,3]', 'o.push(4)'], a_lshift: ['[1,2,3]', 'o << 4'], a_pop: ['[1,2,3]', 'o.pop'],
  a_shift: ['[1,2,3]', 'o.shift'], a_shift2: ['[1,2,3,4]', 'o.shift(2)'], a_unshift: ['[1,2,3]', 'o.unshift(0)'],
  a_insert: ['[1,2,3]', 'o.insert(1, 9)'], a_concat: ['[1,2,3]', 'o.concat([4,5])'],
  a_aset: ['[1,2,3]', 'o[1] = 9'], a_aset_range: ['[1,2,3]', 'o[0..1] = [7]'], a_fill: ['[1,2,3]', 'o.fill(0)'],
  a_clear: ['[1,2,3]', 'o.clear'], a_replace: ['[1,2,3]', 'o.replace([8])'], a_delete: ['[1,2,3]', 'o.delete(2)'],
  a_delete_at: ['[1,2,3]', 'o.delete_at(0)'], a_delete_if: ['[1,2,3]', 'o.delete_if(&:odd?)'],
  a_reject: ['[1,2,3]', 'o.reject!(&:odd?)'], a_select: ['[1,2,3]', 'o.select!(&:odd?)'],
  a_keep_if: ['[1,2,3]', 'o.keep_if(&:odd?)'], a_map: ['[1,2,3]', 'o.map! { |x| x * 2 }'],
  a_compact: ['[1,nil,3]', 'o.compact!'], a_flatten: ['[1,[2,[3]]]', 'o.flatten!'],
  a_reverse: ['[1,2,3]', 'o.reverse!'], a_rotate: ['[1,2,3]', 'o.rotate!'],
  a_shuffle: ['[1,2,3,4,5]', 'o.shuffle!(random: Random.new(1))'], a_sort: ['[3,1,2]', 'o.sort!'],
  a_sort_by: ['[3,1,2]', 'o.sort_by! { |x| -x }'], a_uniq: ['[1,1,2]', 'o.uniq!'],
  a_slice: ['[1,2,3]', 'o.slice!(0, 2)'], a_freeze: ['[1,2,3]', 'o.freeze'],
  a_pop2: ['(1..40).to_a', 'o.pop(3)'], a_shift_big: ['(1..40).to_a', 'o.shift(30)'],
  a_elem: ['[[1], "s"]', 'o[0] << 2; o[1] << "t"'], a_sample: ['[1,2,3]', 'o.sample(random: Random.new(2))'],
  a_ivar: ['[1]', 'o.instance_variable_set(:@x, 5)'], a_filter_map: ['[1,2]', 'o.filter!(&:even?)'],
  a_product: ['(1..100).to_a', 'o.sort_by!{ |x| -x }; o.delete_at(50)'],
  a_bigset: ['(1..100).to_a', 'o[200] = 1'], a_push_big: ['(1..100).to_a', 'o.push(*1..100)'],
  # Hash
  h_aset: ['{a: 1}', 'o[:b] = 2'], h_store: ['{a: 1}', 'o.store(:a, 3)'], h_delete: ['{a: 1, b: 2}', 'o.delete(:a)'],
  h_delete_if: ['{a: 1, b: 2}', 'o.delete_if { |k, v| v > 1 }'], h_reject: ['{a: 1, b: 2}', 'o.reject! { |k, v| v > 1 }'],
  h_select: ['{a: 1, b: 2}', 'o.select! { |k, v| v > 1 }'], h_keep_if: ['{a: 1, b: 2}', 'o.keep_if { |k, v| v > 1 }'],
  h_clear: ['{a: 1}', 'o.clear'], h_replace: ['{a: 1}', 'o.replace({z: 0})'], h_update: ['{a: 1}', 'o.update(b: 2)'],
  h_merge: ['{a: 1}', 'o.merge!(a: 5) { |k, x, y| x + y }'], h_shift: ['{a: 1, b: 2}', 'o.shift'],
  h_compact: ['{a: nil, b: 2}', 'o.compact!'], h_tv: ['{a: 1}', 'o.transform_values! { |v| v + 1 }'],
  h_tk: ['{a: 1}', 'o.transform_keys!(&:to_s)'], h_default: ['{a: 1}', 'o.default = 7'],
  h_default_proc: ['{a: 1}', 'o.default_proc = proc { |h, k| k }'], h_cbi: ['{"a" => 1}', 'o.compare_by_identity'],
  h_rehash: ['{a: 1}', 'o.rehash'], h_freeze: ['{a: 1}', 'o.freeze'],
  h_shift_big: ['(1..100).to_h { |i| ["k#{i}", i] }', 'o.shift'], h_compact_big: ['(1..100).to_h { |i| ["k#{i}", i.odd? ? nil : i] }', 'o.compact!'],
  h_delete_big: ['(1..100).to_h { |i| ["k#{i}", i] }', 'o.delete("k5")'], h_filter_map: ['{a: 1}', 'o.filter! { false }'],
  h_ivar: ['{a: 1}', 'o.instance_variable_set(:@x, 5)'], h_default_ifnone: ['Hash.new(5)', 'o.default = nil'],
  # String
  s_lshift: ['+"abc"', 'o << "d"'], s_concat: ['+"abc"', 'o.concat("d", "e")'], s_insert: ['+"abc"', 'o.insert(1, "X")'],
  s_replace: ['+"abc"', 'o.replace("z")'], s_clear: ['+"abc"', 'o.clear'], s_setbyte: ['+"abc"', 'o.setbyte(0, 66)'],
  s_force: ['+"abc"', 'o.force_encoding("ASCII-8BIT")'], s_squeeze: ['+"aabbcc"', 'o.squeeze!'], s_tr: ['+"abc"', 'o.tr!("a", "b")'],
  s_tr_s: ['+"aabc"', 'o.tr_s!("a", "x")'], s_delete: ['+"abc"', 'o.delete!("b")'], s_succ: ['+"az"', 'o.succ!'],
  s_next: ['+"az"', 'o.next!'], s_chomp: ['+"abc\n"', 'o.chomp!'], s_chop: ['+"abc"', 'o.chop!'], s_strip: ['+" abc "', 'o.strip!'],
  s_lstrip: ['+" abc"', 'o.lstrip!'], s_rstrip: ['+"abc "', 'o.rstrip!'], s_swapcase: ['+"aBc"', 'o.swapcase!'],
  s_capitalize: ['+"abc"', 'o.capitalize!'], s_downcase: ['+"ABC"', 'o.downcase!'], s_upcase: ['+"abc"', 'o.upcase!'],
  s_sub: ['+"abc"', 'o.sub!("b", "X")'], s_gsub: ['+"abcb"', 'o.gsub!("b", "X")'], s_slice: ['+"abc"', 'o.slice!(0)'],
  s_prepend: ['+"abc"', 'o.prepend("0")'], s_encode: ['+"abc"', 'o.encode!("UTF-16LE")'],
  s_unorm: ['+"e\u0301"', 'o.unicode_normalize!'], s_scrub: ['+"a\xffb"', 'o.scrub!'], s_dp: ['+"abc"', 'o.delete_prefix!("a")'],
  s_ds: ['+"abc"', 'o.delete_suffix!("c")'], s_aset: ['+"abc"', 'o[0] = "Z"'], s_aset_re: ['+"abc"', 'o[/b/] = "YY"'],
  s_freeze: ['+"abc"', 'o.freeze'], s_times: ['+"ab"', 'o << o * 3'], s_big: ['+"x" * 100000', 'o[50000, 1] = "Y"'],
  s_ivar: ['+"a"', 'o.instance_variable_set(:@x, 1)'], s_binwrite: ['+"abc"', 'o.bytesplice(0, 1, "Q") rescue o.setbyte(0, 81)'],
  s_reverse: ['+"abc"', 'o.reverse!'], s_crypt: ['+"abc"', 'o.squeeze!("z") ; o << "!"'],
  s_enc_utf8: ['"abc".b', 'o.force_encoding("UTF-8")'], s_mul: ['+"é"', 'o.encode!("ISO-8859-1")'],
  # Struct, Set, OpenStruct, Object, Time, Exception, Range
  st_set: ['S.new(1, 2)', 'o.a = 9'], st_aset: ['S.new(1, 2)', 'o[:b] = 9'], st_aset_i: ['S.new(1, 2)', 'o[0] = 8'],
  st_freeze: ['S.new(1, 2)', 'o.freeze'], st_ivar: ['S.new(1, 2)', 'o.instance_variable_set(:@z, 3)'],
  set_add: ['Set[1, 2]', 'o.add(3)'], set_lshift: ['Set[1, 2]', 'o << 3'], set_delete: ['Set[1, 2]', 'o.delete(1)'],
  set_merge: ['Set[1]', 'o.merge([2, 3])'], set_subtract: ['Set[1, 2]', 'o.subtract([1])'], set_clear: ['Set[1]', 'o.clear'],
  set_map: ['Set[1, 2]', 'o.map! { |x| x * 10 }'], set_select: ['Set[1, 2]', 'o.select!(&:odd?)'], set_reject: ['Set[1, 2]', 'o.reject!(&:odd?)'],
  set_delete_if: ['Set[1, 2]', 'o.delete_if(&:odd?)'], set_replace: ['Set[1, 2]', 'o.replace([5])'], set_addq: ['Set[1]', 'o.add?(4)'],
  set_freeze: ['Set[1]', 'o.freeze'], set_reset: ['Set[[1]]', 'o.first << 2; o.reset'], set_cbi: ['Set["a"]', 'o.compare_by_identity'],
  set_filter: ['Set[1, 2, 3]', 'o.keep_if(&:even?)'],
  os_set: ['OpenStruct.new(a: 1)', 'o.b = 2'], os_aset: ['OpenStruct.new(a: 1)', 'o[:a] = 5'], os_del: ['OpenStruct.new(a: 1, b: 2)', 'o.delete_field(:a)'],
  ob_ivar: ['Object.new.tap { |x| x.instance_variable_set(:@a, 1) }', 'o.instance_variable_set(:@a, 2)'],
  ob_rm_ivar: ['Object.new.tap { |x| x.instance_variable_set(:@a, 1); x.instance_variable_set(:@b, 2) }', 'o.remove_instance_variable(:@a)'],
  ob_freeze: ['Object.new', 'o.freeze'], ob_singleton: ['Object.new', 'Maglev.persistent { o.extend(Comparable) }'], ob_sdef: ['Object.new', 'Maglev.persistent { def o.zz = 1 }'],
  t_localtime: ['Time.at(0).utc', 'o.localtime("+09:00")'], t_utc: ['Time.at(0, in: "+05:00")', 'o.utc'],
  t_gmtime: ['Time.at(0, in: "+05:00")', 'o.gmtime'], t_ivar: ['Time.at(0).utc', 'o.instance_variable_set(:@n, 1)'],
  t_freeze: ['Time.at(0).utc', 'o.freeze'],
  ex_bt: ['RuntimeError.new("m")', 'o.set_backtrace(["x:1"])'], ex_ivar: ['RuntimeError.new("m")', 'o.instance_variable_set(:@d, 4)'],
  r_freeze: ['Range.new([1], [2])', 'o.begin << 5'],
  sym_ary: ['[:a]', 'o.map!(&:to_s)'],
}
def dump(o)
  s = o.class == Object ? "#<Object>" : o.inspect
  s += " ivars=#{o.instance_variables.map { |i| [i, o.instance_variable_get(i)] }.inspect}" unless o.instance_variables.empty?
  s += " frozen" if o.frozen?
  s += " enc=#{o.encoding}" if o.is_a?(String)
  s += " default=#{o.default.inspect} dp=#{!!o.default_proc} cbi=#{o.compare_by_identity?}" if o.is_a?(Hash)
  s += " bt=#{o.backtrace.inspect}" if o.is_a?(Exception)
  s += " utc=#{o.utc?} off=#{o.utc_offset}" if o.is_a?(Time)
  s += " sing=#{o.singleton_class.include?(Comparable)} #{o.singleton_methods}" if o.class == Object
  s
end
mode, file = ARGV
case mode
when 'setup'
  CASES.each { |k, (init, _)| Maglev[k] = eval(init) }
  Maglev.commit_transaction
  print CASES.size
when 'mutate'
  exp = {}
  CASES.each do |k, (init, mut)|
    o = eval(init); eval(mut); exp[k] = dump(o)
    o = Maglev[k]; eval(mut)
    exp[k] += " NO-NEEDS-COMMIT" unless Maglev::System.needs_commit || k == :a_sample
    Maglev.commit_transaction
  end
  File.write(file, Marshal.dump(exp))
when 'check'
  exp = Marshal.load(File.binread(file))
  bad = 0
  CASES.each_key do |k|
    got = dump(Maglev[k])
    next if got == exp[k]
    bad += 1
    puts "#{k}: expected #{exp[k]}\n#{' ' * k.size}  got      #{got}"
  end
  puts "#{CASES.size - bad}/#{CASES.size} ok"
end
RUBY
sweep() { "$MRUBY" "$MAGLEV_DATA/sweep.rb" "$1" "$MAGLEV_DATA/expected" 2>&1; }
n=$(sweep setup)
sweep mutate
expect "each in-place change alone is committed and read back" "$(sweep check)" "$n/$n ok"

mrb 'Maglev[:h] = {a: 1, b: 2, c: 3}; Maglev[:big] = (1..500).to_h { |i| ["k#{i}", i] }; Maglev.commit' >/dev/null
expect "an abort inside a Hash's delete_if resets it, and the deletions go on" "$(mrb '
h = Maglev[:h]; h.delete_if { |k, v| Maglev.abort_transaction; k == :a || k == :c }; p h
b = Maglev[:big]; n = 0
b.delete_if { |k, v| n += 1; Maglev.abort_transaction if n == 10; v.odd? }; p b.size, b.first
Maglev.abort_transaction; p b.size, Maglev::System.needs_commit')" $'{:a=>1, :b=>2}\n255\n["k1", 1]\n500\nfalse'
expect "an abort inside each resets the Hash; a new key in the block still raises" "$(mrb '
h = Maglev[:h]; seen = []
h.each { |k, v| h.delete(:b) if k == :a; Maglev.abort_transaction if k == :a; seen << k }
p seen, h
h.each { Maglev.abort_transaction; begin; h[:new] = 1; rescue => e; p e.message; end; break }
h.shift; Maglev.commit')" $'[:a, :b, :c]\n{:a=>1, :b=>2, :c=>3}\n"can\x27t add a new key into hash during iteration"'
expect "the shift after it was committed" "$(mrb 'p Maglev[:h]')" '{:b=>2, :c=>3}'
finish
