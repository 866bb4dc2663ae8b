#!/usr/bin/env bash
# Qaror benchmarks: prints each figure with the command that produced it.
#   bench/run.sh                 everything (about 10 minutes on 2 cores)
#   bench/run.sh batch|cold|scale|jmh
# Figures are whole-process timings on a shared machine: compare ratios within one run, not across runs.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-200000}
WORK=${WORK:-$(mktemp -d)}
JAR=rules-cli/target/qaror.jar
BENCH=bench/target/benchmarks.jar
QAROR_JAVA="java -XX:+UseParallelGC -Xmx2g"

build() {
  if [ ! -f "$JAR" ] || [ ! -f "$BENCH" ]; then
    mvn -B -q -DskipTests package -pl rules-cli,bench -am
  fi
}

seconds() { python3 -c "import sys; print(f'{float(sys.argv[1]):.2f}')" "$1"; }

batch() {
  echo "== batch, end to end, against raw Drools on the same applications =="
  $QAROR_JAVA -jar "$JAR" generate --count "$COUNT" --seed 2026 -o "$WORK/apps.jsonl"
  echo "\$ java -jar $JAR batch apps.jsonl -o decisions.jsonl   ($COUNT generated applications, seed 2026)"
  start=$(date +%s.%N)
  $QAROR_JAVA -jar "$JAR" batch "$WORK/apps.jsonl" -o "$WORK/decisions.jsonl" --progress-every 3600 2>"$WORK/batch.err" || true
  end=$(date +%s.%N)
  tail -n +1 "$WORK/batch.err" | grep -E "records:|automation" || true
  batch_s=$(python3 -c "print($end - $start)")
  echo "batch wall time: $(seconds "$batch_s") s for $COUNT records: $(python3 -c "print(f'{$COUNT / $batch_s:,.0f}')") decisions/s, whole process"
  echo "\$ java -cp $BENCH uz.qaror.bench.RawDroolsBaseline apps.jsonl 2 3"
  java -Xmx4g -XX:+UseParallelGC -cp "$BENCH" uz.qaror.bench.RawDroolsBaseline "$WORK/apps.jsonl" 2 3 | tee "$WORK/raw.txt"
  raw_us=$(tail -1 "$WORK/raw.txt" | sed -E 's/.*\(([0-9.]+) us each.*/\1/')
  python3 -c "
batch_us = $batch_s * 1e6 / $COUNT
print(f'per decision: batch {batch_us:.1f} us (whole process), raw Drools {$raw_us:.1f} us (hot, last round); ratio {batch_us / $raw_us:.2f}x')"
}

cold() {
  echo "== qaror evaluate, cold JVM, one application: the launcher (with its class-data archive), then plain java -jar =="
  ./qaror --version >/dev/null
  for i in 1 2 3 4 5; do
    start=$(date +%s.%N)
    ./qaror evaluate examples/applications/marriage-registration.json >/dev/null
    end=$(date +%s.%N)
    echo "\$ ./qaror evaluate examples/applications/marriage-registration.json: $(seconds "$(python3 -c "print($end - $start)")") s"
  done
  for i in 1 2 3; do
    start=$(date +%s.%N)
    java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$JAR" evaluate examples/applications/marriage-registration.json >/dev/null
    end=$(date +%s.%N)
    echo "\$ java -jar $JAR evaluate examples/applications/marriage-registration.json: $(seconds "$(python3 -c "print($end - $start)")") s"
  done
}

scale() {
  echo "== 700 services: compile every rule set, heap after GC =="
  echo "\$ java -Xmx512m -cp $BENCH uz.qaror.bench.ScaleCheck 700"
  java -Xmx512m -XX:+UseSerialGC -cp "$BENCH" uz.qaror.bench.ScaleCheck 700 "$WORK/synthetic"
}

jmh() {
  echo "== decide(), hot, JMH sample mode (p50/p99 in us) =="
  echo "\$ java -jar $BENCH DecideBenchmark -wi 3 -i 5 -f 1"
  java -jar "$BENCH" DecideBenchmark -wi 3 -i 5 -f 1 2>&1 | grep -E "^Benchmark|DecideBenchmark\.(decide[A-Za-z]*)(:p0.50|:p0.99| )" || true
}

build
case "${1:-all}" in
  batch) batch ;;
  cold) cold ;;
  scale) scale ;;
  jmh) jmh ;;
  all) batch; cold; scale; jmh ;;
  *) echo "usage: bench/run.sh [batch|cold|scale|jmh|all]" >&2; exit 2 ;;
esac
