# For bench/blog.sh's CRuby run: maglev's own middleware (lib/), loaded by path
# so that the rest of maglev's lib/ does not shadow CRuby's standard library.
require_relative '../../../../lib/maglev/rack_txn_wrapper'
