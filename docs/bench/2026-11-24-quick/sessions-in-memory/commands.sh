#!/usr/bin/env bash
# One-off comparison (lead's measurement, not a project tool): B and C with the FIX sessions kept in
# memory instead of SQLite, same load and pinning as tools/bench --quick.
set -u
R=/tmp/lead-bench/20261124T024259Z
B=/work/main/build-bench
D=/work/main/fix-config/FIX44-gateway.xml
out=/tmp/memcmp; rm -rf $out; mkdir -p $out
taskset -c 0 $B/tools/venue_sim/venue-sim --port 51101 --sender-comp-id VENUE --dictionary $D --random-walk BENCH:100.00:0.01 --step-ms 200 --seed 7 --client-comp-id GATEWAY >$out/vb.out 2>&1 &
taskset -c 0 $B/tools/venue_sim/venue-sim --port 51102 --sender-comp-id VENUE --dictionary $D --random-walk BENCH:100.00:0.01 --step-ms 200 --seed 7 --client-comp-id GATEWAY >$out/vc.out 2>&1 &
sleep 0.5
taskset -c 0 $B/tools/fix_forwarder/fix-forwarder --fix-settings $R/gateway.cfg --client-port 51103 --venue-port 51101 --dictionary $D --log-dir $out/B >$out/b.out 2>&1 &
taskset -c 0 $B/gateway/app/risk-gateway --fix-settings $R/gateway.cfg --risk-config $R/risk.toml --client-port 51104 --venue-port 51102 --dictionary $D --admin-port 0 --log-dir $out/C --data-dir $out/C/data --session-store memory >$out/c.out 2>&1 &
sleep 4
load() {  # port rate name
  taskset -c 1 $B/tools/fix_load/fix-load --host 127.0.0.1 --port $1 --sessions 1 --sender-comp-id-format 'LOAD{n}' --target-comp-id BROKER --password-format 'load-{n}' --account-format 'ACC-{n}' --symbol BENCH --dictionary $D --order-mode ioc --side buy --price 95 --qty 1 --count 10000 --warmup 2000 --rate $2 --json $out/$3.json >$out/$3.out 2>&1
  tail -1 $out/$3.out
}
for rate in 1000 5000; do
  echo "B-memory $rate: $(load 51103 $rate B-$rate)"
  echo "C-memory $rate: $(load 51104 $rate C-$rate)"
done
for port in 51103 51104; do
  taskset -c 1 $B/tools/fix_load/fix-load --host 127.0.0.1 --port $port --sessions 1 --sender-comp-id-format 'LOAD{n}' --target-comp-id BROKER --password-format 'load-{n}' --account-format 'ACC-{n}' --symbol BENCH --dictionary $D --order-mode ioc --side buy --price 95 --qty 1 --count 5000 --warmup 1000 --find-max --rates 5000,10000,15000,20000,30000 --json $out/max-$port.json >$out/max-$port.out 2>&1
  echo "find-max port $port: $(grep -i 'sustain' $out/max-$port.out | tail -2)"
done
kill $(jobs -p) 2>/dev/null; wait 2>/dev/null
