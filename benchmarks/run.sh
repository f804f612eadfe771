#!/bin/sh
# Runs the whole benchmark suite "in one run": Quire and raw JDBC from benchmarks.jar, then Nitrite from
# benchmarks-nitrite.jar (its MVStore cannot share a classpath with H2 2.5) with the same JMH settings and
# sizes, then merges both JSON results into one Markdown table (results/results.md).
#
#   benchmarks/run.sh                                 # 10k and 100k documents, file stores
#   SIZES=10000 JMH="-f 1 -wi 1 -w 1s -i 2 -r 1s" benchmarks/run.sh   # quicker
#   STORAGE=MEMORY benchmarks/run.sh                   # in-memory stores instead
#   MILLION=1 benchmarks/run.sh                        # adds 1,000,000 documents (very long)
#   GC=1 benchmarks/run.sh                             # adds a -prof gc run of Quire's hot paths
#
# Templates (one loaded store per store and size) are kept under $DATA and reused by later runs.
set -eu
cd "$(dirname "$0")/.."

OUT=${OUT:-benchmarks/results}
DATA=${DATA:-$OUT/data}
SIZES=${SIZES:-10000,100000}
STORAGE=${STORAGE:-FILE}
# Quire reaches its steady state after about 10 s of warmup (JIT); shorter warmups understate it.
JMH=${JMH:--f 1 -wi 4 -w 3s -i 3 -r 3s}
JVM="-Dquire.benchmarks.data=$(mkdir -p "$DATA" && cd "$DATA" && pwd)"
if [ "${MILLION:-0}" = 1 ]; then
  SIZES="$SIZES,1000000"
  JVM="$JVM -Dquire.benchmarks.million=true"
fi
NITRITE_BENCHMARKS='dev.quire.benchmarks.(ReadBenchmark|CreateBenchmark|DeleteBenchmark|UpdateBenchmark|FreshStoreBenchmark)\.'
WRITES='dev.quire.benchmarks.(CreateBenchmark|DeleteBenchmark|UpdateBenchmark)\.'
HOT_PATHS='dev.quire.benchmarks.(ReadBenchmark|CreateBenchmark|DeleteBenchmark|UpdateBenchmark|PermissionBenchmark|QueryParseBenchmark)\.'

if [ "${BUILD:-1}" = 1 ]; then
  mvn -q -B package -pl benchmarks,benchmarks-nitrite -am -DskipTests
fi
mkdir -p "$OUT"

# shellcheck disable=SC2086
java -jar benchmarks/target/benchmarks.jar 'dev.quire.benchmarks.' -p store=QUIRE,JDBC -p size="$SIZES" \
  -p storage="$STORAGE" $JMH -jvmArgsAppend "$JVM" -rf json -rff "$OUT/quire-jdbc.json" | tee "$OUT/quire-jdbc.txt"
# shellcheck disable=SC2086
java -jar benchmarks-nitrite/target/benchmarks-nitrite.jar "$NITRITE_BENCHMARKS" -p store=NITRITE -p size="$SIZES" \
  -p storage="$STORAGE" $JMH -jvmArgsAppend "$JVM" -rf json -rff "$OUT/nitrite.json" | tee "$OUT/nitrite.txt"
# The cost of WRITE_DELAY=0: the floor's writes again with H2's default delay.
# shellcheck disable=SC2086
java -jar benchmarks/target/benchmarks.jar "$WRITES" -p store=JDBC_DELAYED -p size="$SIZES" -p storage="$STORAGE" \
  $JMH -jvmArgsAppend "$JVM" -rf json -rff "$OUT/durability.json" | tee "$OUT/durability.txt"
RESULTS="$OUT/quire-jdbc.json $OUT/nitrite.json $OUT/durability.json"

if [ "${GC:-0}" = 1 ]; then
  # shellcheck disable=SC2086
  java -jar benchmarks/target/benchmarks.jar "$HOT_PATHS" -p store=QUIRE -p size="$SIZES" -p storage="$STORAGE" \
    ${GC_JMH:--f 1 -wi 2 -w 3s -i 2 -r 2s} -prof gc -jvmArgsAppend "$JVM" -rf json -rff "$OUT/quire-gc.json" \
    | tee "$OUT/quire-gc.txt"
  RESULTS="$RESULTS $OUT/quire-gc.json"
fi

# shellcheck disable=SC2086
java -cp benchmarks/target/benchmarks.jar dev.quire.benchmarks.Report $RESULTS | tee "$OUT/results.md"
