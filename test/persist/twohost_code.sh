#!/usr/bin/env bash
# Code committed on one host reaches the live gems of another (MAGLEV-API.md
# fact 6: commit and abort refresh data and code), with both hosts' caches
# warm (on PostgreSQL each "host" has a cache folder of its own,
# MAGLEV_CACHE_DIR; on LMDB the same steps run as plain processes): a new
# class, a method redefined, a method removed, a constant added, a module
# included, instances of the old version still working.
. "$(dirname "$0")/lib.sh"
C1="$MAGLEV_DATA/host1" C2="$MAGLEV_DATA/host2"
MAGLEV_CACHE_DIR=$C1 "$MRUBY" -e '
Maglev.persistent do
  class Shape; attr_reader :n; def initialize(n) = @n = n; def area = n * n; def name = "shape"; end
end
Maglev[:shapes] = [Shape.new(2), Shape.new(3)]
Maglev.commit' || exit 1
MAGLEV_CACHE_DIR=$C1 gem_start a
MAGLEV_CACHE_DIR=$C2 gem_start b
expect "both hosts read the shapes" "$(gem a 'Maglev[:shapes].map(&:area)'; gem b 'Maglev[:shapes].map(&:area)')" $'[4, 9]\n[4, 9]'
gem a 'Maglev.persistent { class Shape; def area = n * 10; remove_method :name; SIDES = 4; end; module Describe; def describe = "#{self.class} #{area}"; end; Shape.include(Describe); class Circle < Shape; def area = 3 * n * n; end }; Maglev[:shapes] << Circle.new(1); Maglev.commit' >/dev/null
expect "host b's view is stable until it aborts" "$(gem b 'Maglev[:shapes].map(&:area)'; gem b 'defined?(Circle).inspect')" $'[4, 9]\n"nil"'
expect "after its abort host b has the new code" "$(gem b 'Maglev.abort_transaction; Maglev[:shapes].map(&:area)'; gem b '[Shape::SIDES, Shape.new(1).respond_to?(:name), Maglev[:shapes].last.describe, Circle.superclass]')" \
	$'[20, 30, 3]\n[4, false, "Circle 3", Shape]'
gem b 'Maglev.persistent { class Circle; def area = 100; end }; Maglev.commit' >/dev/null
expect "and host a sees host b's change after a commit of its own" "$(gem a 'Maglev[:shapes][0].instance_variable_set(:@n, 5); Maglev.commit; Maglev[:shapes].map(&:area)')" '[50, 30, 100]'
gem_stop a
gem_stop b
expect "a fresh gem of each host" "$(MAGLEV_CACHE_DIR=$C1 "$MRUBY" -e 'p Maglev[:shapes].map(&:describe)'; MAGLEV_CACHE_DIR=$C2 "$MRUBY" -e 'p Maglev[:shapes].map(&:area), Shape.instance_method(:area).owner')" \
	$'["Shape 50", "Shape 30", "Circle 100"]\n[50, 30, 100]\nShape'
finish
