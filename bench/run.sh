#!/usr/bin/env bash
# Qaror benchmarks: prints each figure with the command that produced it.
#   bench/run.sh                 everything (about 10 minutes on 2 cores)
#   bench/run.sh batch|hot|cold|scale|jmh|screen|rescreen
#   HOUSEHOLDS=1000000 bench/run.sh rescreen   (qaror rescreen and the Spark job, local[2], on one population)
# Figures are whole-process timings on a shared machine: compare ratios within one run, not across runs.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-200000}
WORK=${WORK:-$(mktemp -d)}
JAR=rules-cli/target/qaror.jar
BENCH=bench/target/benchmarks.jar
SPARK_JAR=rules-spark/target/qaror-spark.jar
HOUSEHOLDS=${HOUSEHOLDS:-200000}
QAROR_JAVA="java -XX:+UseParallelGC -Xmx2g"

build() {
  if [ ! -f "$JAR" ] || [ ! -f "$BENCH" ] || [ ! -f "$SPARK_JAR" ]; then
    mvn -B -q -DskipTests package -pl rules-cli,rules-spark,bench -am
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

hot() {
  echo "== one thread, alternating rounds: raw Drools on fresh facts on a new session and on a reused one (the honest baseline: the engine reuses sessions), on reused facts; evaluate(tree), evaluate(text) =="
  echo "\$ java -cp $BENCH uz.qaror.bench.HotLoop 20000 6"
  java -XX:+UseParallelGC -Xmx2g -cp "$BENCH" uz.qaror.bench.HotLoop 20000 6
  echo "== one thread, evaluate(text) in parts: reading the text, reading the application, deciding, beside raw Drools on a reused session =="
  echo "\$ java -cp $BENCH uz.qaror.bench.PhaseLoop 20000 6"
  java -XX:+UseParallelGC -Xmx2g -cp "$BENCH" uz.qaror.bench.PhaseLoop 20000 6
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
  echo "== 700 services: compile every rule set at run time, heap after GC =="
  echo "\$ java -Xmx512m -cp $BENCH uz.qaror.bench.ScaleCheck 700"
  java -Xmx512m -XX:+UseSerialGC -cp "$BENCH" uz.qaror.bench.ScaleCheck 700 "$WORK/synthetic"
  echo "== the same 700 services compiled in advance (qaror catalog prebuild), then loaded from the jar =="
  echo "\$ java -Xmx1g -jar $JAR catalog prebuild --rules synthetic -o synthetic.jar"
  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx1g -jar "$JAR" catalog prebuild --rules "$WORK/synthetic" \
    -o "$WORK/synthetic.jar"
  echo "\$ java -Xmx512m -XX:TieredStopAtLevel=1 -cp $BENCH uz.qaror.bench.ScaleCheck 700 synthetic synthetic.jar"
  java -Xmx512m -XX:TieredStopAtLevel=1 -cp "$BENCH" uz.qaror.bench.ScaleCheck 700 "$WORK/synthetic" "$WORK/synthetic.jar"
  echo "== the same through the launcher: the first run makes the jar's class-data archive, the next ones map it =="
  for i in 1 2 3 4; do
    start=$(date +%s.%N)
    QAROR_CACHE="$WORK/cache" ./qaror catalog load --rules "$WORK/synthetic" --prebuilt "$WORK/synthetic.jar"
    end=$(date +%s.%N)
    echo "\$ ./qaror catalog load --rules synthetic --prebuilt synthetic.jar: $(seconds "$(python3 -c "print($end - $start)")") s, whole process"
  done
}

jmh() {
  echo "== decide(), hot, JMH sample mode (p50/p99 in us) =="
  echo "\$ java -jar $BENCH DecideBenchmark -wi 3 -i 5 -f 1"
  java -jar "$BENCH" DecideBenchmark -wi 3 -i 5 -f 1 2>&1 | grep -E "^Benchmark|DecideBenchmark\.(decide[A-Za-z]*)(:p0.50|:p0.99| )" || true
}

screen() {
  echo "== screen(), one household against the whole catalog, hot, one thread, JMH sample mode (us) =="
  echo "\$ java -jar $BENCH ScreenBenchmark -wi 3 -i 5 -f 1"
  java -jar "$BENCH" ScreenBenchmark -wi 3 -i 5 -f 1 2>&1 \
    | grep -E "^Benchmark|decided per household|ScreenBenchmark\.screenWholeCatalog(:p0.50|:p0.99| )" || true
  echo "\$ java -cp $BENCH uz.qaror.bench.ScreenLoop 2000 6   (wall mean/p50/p99 and the thread's CPU time per household)"
  java -XX:+UseParallelGC -cp "$BENCH" uz.qaror.bench.ScreenLoop 2000 6
}

# Spark's own runtime classpath (what a cluster provides), resolved by Maven from a pom that depends on Spark alone.
spark_classpath() {
  local version
  version=$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' pom.xml)
  mkdir -p "$WORK/spark-pom"
  cat > "$WORK/spark-pom/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>spark-runtime</artifactId><version>1</version>
  <dependencies><dependency><groupId>org.apache.spark</groupId><artifactId>spark-sql_2.13</artifactId>
    <version>$version</version></dependency></dependencies>
  <build><plugins><plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId>
    <version>3.8.1</version></plugin></plugins></build>
</project>
POM
  (cd "$WORK/spark-pom" && mvn -B -q dependency:build-classpath -Dmdep.outputFile=classpath.txt >/dev/null)
  cat "$WORK/spark-pom/classpath.txt"
}

rescreen() {
  local day=2026-03-02
  echo "== re-screening $HOUSEHOLDS households across the catalog: qaror rescreen and the Spark job (local[2]), whole processes =="
  $QAROR_JAVA -jar "$JAR" generate --households "$HOUSEHOLDS" --seed 2026 --as-of "$day" -o "$WORK/population.jsonl"
  rm -rf "$WORK/proposed"
  $QAROR_JAVA -jar "$JAR" catalog export "$WORK/proposed" >/dev/null
  # The proposal: the poverty line (minimum consumer expenditure) raised to 900 000 soum from 1 March 2026.
  echo '  - {from: 2026-03-01, value: 900000, legalBasis: "Proposed", verification: E}' \
    >> "$WORK/proposed/parameters/minimum-consumer-expenditure.yaml"
  echo "\$ /usr/bin/time -v java -Xmx2g -jar $JAR rescreen --candidate proposed --as-of $day population.jsonl -o offers.jsonl"
  /usr/bin/time -v $QAROR_JAVA -jar "$JAR" rescreen --candidate "$WORK/proposed" --as-of "$day" \
    "$WORK/population.jsonl" -o "$WORK/offers.jsonl" --summary "$WORK/summary-cli.json" --progress-every 3600 \
    2>"$WORK/cli.err" || true
  grep -E "households as of|User time|System time|Elapsed|Maximum resident|Percent of CPU" "$WORK/cli.err"
  local spark_cp
  spark_cp=$(spark_classpath)
  rm -rf "$WORK/offers-spark" "$WORK/events" && mkdir -p "$WORK/events"
  echo "\$ /usr/bin/time -v java -Xmx2g -cp <Spark's jars> org.apache.spark.deploy.SparkSubmit --master local[2] --class uz.qaror.spark.QarorSpark $SPARK_JAR rescreen population.jsonl offers-spark --candidate proposed --as-of $day"
  /usr/bin/time -v java -XX:+UseParallelGC -Xmx2g -cp "$spark_cp" org.apache.spark.deploy.SparkSubmit \
    --master 'local[2]' --conf spark.ui.enabled=false --conf spark.eventLog.enabled=true \
    --conf spark.eventLog.rolling.enabled=false --conf spark.eventLog.compress=false \
    --conf "spark.eventLog.dir=file://$WORK/events" --driver-memory 2g \
    --class uz.qaror.spark.QarorSpark "$SPARK_JAR" rescreen "$WORK/population.jsonl" "$WORK/offers-spark" \
    --candidate "$WORK/proposed" --as-of "$day" --summary "$WORK/summary-spark.json" \
    >"$WORK/spark.out" 2>"$WORK/spark.err" || true
  grep -E "User time|System time|Elapsed|Maximum resident|Percent of CPU" "$WORK/spark.err"
  if cat "$WORK"/offers-spark/part-* | cmp -s - "$WORK/offers.jsonl"; then
    echo "the Spark job wrote the same $(wc -l < "$WORK/offers.jsonl") records as qaror rescreen, in the same order"
  else
    echo "the Spark job's records DIFFER from qaror rescreen's"
  fi
  python3 - "$WORK/cli.err" "$WORK/spark.err" <<'PY'
import re, sys
def wall(f):
    t = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", open(f).read()).group(1).split(":")
    return sum(float(x) * 60 ** i for i, x in enumerate(reversed(t)))
def cpu(f):
    text = open(f).read()
    return sum(float(re.search(rf"{kind} time \(seconds\): (\S+)", text).group(1)) for kind in ("User", "System"))
cli, spark = wall(sys.argv[1]), wall(sys.argv[2])
print(f"whole process, wall: qaror rescreen {cli:.1f} s, Spark local[2] {spark:.1f} s: Spark/CLI = {spark / cli:.2f}x")
cli, spark = cpu(sys.argv[1]), cpu(sys.argv[2])
print(f"whole process, CPU (user+system): qaror rescreen {cli:.1f} s, Spark {spark:.1f} s: Spark/CLI = {spark / cli:.2f}x")
PY
  echo "\$ java -cp $BENCH uz.qaror.bench.SparkStages events/<application> 2"
  java -cp "$BENCH" uz.qaror.bench.SparkStages "$(ls "$WORK"/events/* | head -1)" 2
}

build
case "${1:-all}" in
  batch) batch ;;
  hot) hot ;;
  cold) cold ;;
  scale) scale ;;
  jmh) jmh ;;
  screen) screen ;;
  rescreen) rescreen ;;
  all) batch; hot; cold; scale; jmh; screen; rescreen ;;
  *) echo "usage: bench/run.sh [batch|hot|cold|scale|jmh|screen|rescreen|all]" >&2; exit 2 ;;
esac
