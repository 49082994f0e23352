#!/usr/bin/env bash
# maglev/rack_txn_wrapper: a request's changes commit after a 2xx/3xx answer
# and are dropped after any other answer or an exception; each request starts
# from a fresh view. The app is a plain lambda (no rack gem needed).
. "$(dirname "$0")/lib.sh"
D=$MAGLEV_DATA
mrb 'Maglev[:hits] = []; Maglev.commit' >/dev/null
mrb '
  require "maglev/rack_txn_wrapper"
  app = ->(env) { Maglev[:hits] << env["PATH_INFO"]; raise "boom" if env["PATH_INFO"] == "/raise"; [env["status"], {}, ["ok"]] }
  w = Maglev::TransactionWrapper.new(app)
  p w.call("PATH_INFO" => "/a", "status" => 200)
  w.call("PATH_INFO" => "/moved", "status" => 302)
  w.call("PATH_INFO" => "/missing", "status" => 404)
  w.call("PATH_INFO" => "/error", "status" => 500)
  w.call("PATH_INFO" => "/info", "status" => 199)
  begin
    w.call("PATH_INFO" => "/raise", "status" => 200)
  rescue => e
    p e.message
  end
  w.call("PATH_INFO" => "/b", "status" => "201")
  Maglev[:hits] << "/uncommitted"     # outside a request: dropped by the next request
  w.call("PATH_INFO" => "/c", "status" => 204)' >"$D/out"
expect "the app's response is answered; the exception propagates" "$(cat "$D/out")" '[200, {}, ["ok"]]
"boom"'
expect "only 2xx and 3xx requests committed, each from a fresh view" "$(mrb 'p Maglev[:hits]')" '["/a", "/moved", "/b", "/c"]'
# a request sees what another process committed since the previous request
rm -f "$D/first" "$D/other"
mrb "
  require 'maglev/rack_txn_wrapper'
  w = Maglev::TransactionWrapper.new(->(env) { [200, {}, [Maglev[:hits].size.to_s]] })
  puts w.call({})[2][0]
  File.write('$D/first', '')
  sleep 0.01 until File.exist?('$D/other')
  puts w.call({})[2][0]" >"$D/out2" &
mrb "sleep 0.01 until File.exist?('$D/first'); Maglev.abort_transaction; Maglev[:hits] << '/other'; Maglev.commit; File.write('$D/other', '')"
wait
expect "the next request sees another process's commit" "$(cat "$D/out2")" "4
5"
finish
