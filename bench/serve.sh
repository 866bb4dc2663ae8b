#!/usr/bin/env bash
# qaror serve, measured on loopback (bench/README.md, "HTTP service"): readiness time, requests/s and latency at
# 1, 16 and 64 connections with wrk, p50/p99 at a steady 1,000 requests/s, the batch endpoint's decisions/s, each
# beside in-process evaluate in the same run, then robustness under hostile traffic.
#   bench/serve.sh              everything (about 6 minutes on 2 cores)
#   bench/serve.sh ready|load|batch|robust
# Needs wrk (Debian: apt-get install wrk); the build never does. Besides requests per second of wall time, each figure
# gives requests per CPU-second of the server process (from /proc), and the in-process baseline decisions per
# CPU-second of its own: on a machine shared with other work, wall-time rates of two processes are not comparable
# (the scheduler shares the cores by threads), CPU-time rates are.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20}
COUNT=${COUNT:-2000}
BATCH=${BATCH:-50000}
ROBUST=${ROBUST:-20000}
PORT=${PORT:-18765}
WORK=${WORK:-$(mktemp -d)}
JAR=rules-cli/target/qaror.jar
BENCH=bench/target/benchmarks.jar
URL="http://127.0.0.1:$PORT"
SERVE_JAVA="java -XX:+UseG1GC -Xmx1g"

build() {
  if [ ! -f "$JAR" ] || [ ! -f "$BENCH" ]; then
    mvn -B -q -DskipTests package -pl rules-cli,bench -am
  fi
  command -v wrk >/dev/null || { echo "bench/serve.sh needs wrk: apt-get install wrk" >&2; exit 2; }
  [ -f "$WORK/apps.jsonl" ] || java -jar "$JAR" generate --count "$COUNT" --seed 2026 -o "$WORK/apps.jsonl"
}

SERVER=
trap '[ -n "$SERVER" ] && kill -TERM "$SERVER" 2>/dev/null; true' EXIT
TICK=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }

start_server() {
  $SERVE_JAVA -jar "$JAR" serve --port "$PORT" "$@" 2>"$WORK/serve.log" &
  SERVER=$!
  for _ in $(seq 1 600); do
    curl -sf "$URL/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "the server did not get ready" >&2; cat "$WORK/serve.log" >&2; exit 1
}

stop_server() {
  kill -TERM "$SERVER"
  set +e; wait "$SERVER"; code=$?; set -e
  SERVER=
  echo "SIGTERM: exit code $code; $(grep -o 'stopped in .*' "$WORK/serve.log")"
}

await_warmup() {
  for _ in $(seq 1 1200); do
    curl -s "$URL/health/ready" | grep -q '"warmingUp":false' && return 0
    sleep 0.1
  done
}

ready() {
  echo "== time to ready: process start to /health/ready 200, embedded catalog compiled lazily (5 runs each) =="
  ./qaror --version >/dev/null   # builds the launcher's class-data archive when missing
  for launcher in "./qaror" "java -jar $JAR"; do
    for _ in 1 2 3 4 5; do
      start=$(date +%s%N)
      if [ "$launcher" = "./qaror" ]; then
        ./qaror serve --port "$PORT" 2>"$WORK/serve.log" &
        SERVER=$!
      else
        start_server
      fi
      until curl -sf "$URL/health/ready" >/dev/null 2>&1; do sleep 0.05; done
      end=$(date +%s%N)
      echo "\$ $launcher serve: ready (/health/ready 200) after $(( (end - start) / 1000000 )) ms;" \
        "the server's log: $(grep -o 'ready in [0-9]* ms after the JVM started' "$WORK/serve.log")"
      kill -TERM "$SERVER"; wait "$SERVER" || true
      SERVER=
    done
  done
}

wrk_line() { # connections threads [pace_ms]
  local c=$1 t=$2 pace=${3:-0}
  local before after
  before=$(cpu_ticks)
  APPS="$WORK/apps.jsonl" PACE_MS=$pace wrk -t"$t" -c"$c" -d"${DURATION}s" --latency -s bench/wrk/decide.lua \
    "$URL/v1/decisions" > "$WORK/wrk.txt"
  after=$(cpu_ticks)
  python3 - "$WORK/wrk.txt" "$c" "$pace" "$(( after - before ))" "$TICK" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
total = int(re.search(r"(\d+) requests in", text).group(1))
cpu = int(sys.argv[4]) / int(sys.argv[5])
def pct(p):
    v, unit = re.search(rf"\s{p}%\s+([\d.]+)(\w+)", text).groups()
    return float(v) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
pace = f", paced {sys.argv[3]} ms per connection" if sys.argv[3] != "0" else ""
print(f"{sys.argv[2]:>3} connections{pace}: {rps:,.0f} requests/s, p50 {pct(50):.2f} ms, p99 {pct(99):.2f} ms"
      + (f", {errors.group(1)} non-2xx" if errors else "")
      + f"; {total / cpu:,.0f} requests per CPU-second of the server ({total:,} in {cpu:.1f} s CPU)")
PY
}

load() {
  echo "== POST /v1/decisions with wrk on loopback ($COUNT generated applications, ${DURATION} s each), beside in-process evaluate =="
  start_server
  await_warmup
  # warm-up: about as many requests as the in-process baseline's 100,000 decisions
  APPS="$WORK/apps.jsonl" wrk -t2 -c16 -d"$(( DURATION * 2 ))s" -s bench/wrk/decide.lua "$URL/v1/decisions" >/dev/null
  echo "\$ wrk -t1|2 -c1|16|64 -d${DURATION}s --latency -s bench/wrk/decide.lua $URL/v1/decisions"
  wrk_line 1 1
  wrk_line 16 2
  wrk_line 64 2
  echo "\$ PACE_MS=10 wrk -t2 -c10 -d${DURATION}s --latency -s bench/wrk/decide.lua  (10 connections x 1 request per 10 ms: about 1,000/s)"
  wrk_line 10 2 10
  stop_server
  echo "\$ java -cp $BENCH uz.qaror.bench.ServeBaseline apps.jsonl $DURATION 1|2"
  java -XX:+UseG1GC -Xmx1g -cp "$BENCH" uz.qaror.bench.ServeBaseline "$WORK/apps.jsonl" "$DURATION" 1
  java -XX:+UseG1GC -Xmx1g -cp "$BENCH" uz.qaror.bench.ServeBaseline "$WORK/apps.jsonl" "$DURATION" 2
}

batch() {
  echo "== POST /v1/decisions/batch: $BATCH generated applications in one request, beside in-process evaluate =="
  java -jar "$JAR" generate --count "$BATCH" --seed 7 -o "$WORK/batch.jsonl"
  start_server --request-timeout 3600
  await_warmup
  curl -s -H 'Content-Type: application/x-ndjson' --data-binary @"$WORK/apps.jsonl" "$URL/v1/decisions/batch" >/dev/null
  for _ in 1 2; do
    before=$(cpu_ticks)
    start=$(date +%s%N)
    curl -sS -H 'Content-Type: application/x-ndjson' --data-binary @"$WORK/batch.jsonl" "$URL/v1/decisions/batch" \
      -o "$WORK/batch.out" || echo "curl failed with exit code $?"
    end=$(date +%s%N)
    after=$(cpu_ticks)
    lines=$(wc -l < "$WORK/batch.out")
    echo "\$ curl -H 'Content-Type: application/x-ndjson' --data-binary @batch.jsonl $URL/v1/decisions/batch:" \
      "$lines lines in $(( (end - start) / 1000000 )) ms: $(( lines * 1000000000 / (end - start) )) decisions/s;" \
      "$(( lines * TICK / (after - before) )) per CPU-second of the server"
  done
  stop_server
  echo "\$ java -cp $BENCH uz.qaror.bench.ServeBaseline batch.jsonl $DURATION 2"
  java -XX:+UseG1GC -Xmx1g -cp "$BENCH" uz.qaror.bench.ServeBaseline "$WORK/batch.jsonl" "$DURATION" 2 200000
}

robust() {
  echo "== robustness: $ROBUST requests, one in ten malformed, oversized or slow =="
  echo "\$ java -Xmx512m -cp $BENCH uz.qaror.bench.ServeRobustness $ROBUST 8 examples/applications"
  java -Xmx512m -XX:+UseG1GC -cp "$BENCH" uz.qaror.bench.ServeRobustness "$ROBUST" 8 examples/applications \
    2>"$WORK/robust.log"
}

build
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
case "${1:-all}" in
  ready) ready ;;
  load) load ;;
  batch) batch ;;
  robust) robust ;;
  all) ready; load; batch; robust ;;
  *) echo "usage: bench/serve.sh [ready|load|batch|robust]" >&2; exit 2 ;;
esac
