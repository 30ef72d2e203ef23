#!/bin/sh
# Speed benchmark: the filter's methods against ImageJ 1.x's Convolver and a naive loop
# (one JVM with a pre-touched heap), then the 512^3 memory check in a heap of 2.5x the
# volume, then the plugin against ImageJ's built-in Convolve... through macros in one
# ImageJ process, then scipy's timings of the same cases if python3 has scipy.
# Usage: bench/run.sh [reps=N] [cases=2d7,2d31,3d7,3d15,gauss15,u16] [nominal=60]
set -e
cd "$(dirname "$0")/.."
reps=5
cases=2d7,2d31,3d7,3d15
for arg in "$@"; do
	case "$arg" in
	reps=*) reps="${arg#reps=}" ;;
	cases=*) cases="${arg#cases=}" ;;
	esac
done
mvn -q package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
	-Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
java -Xms4g -Xmx4g -XX:+AlwaysPreTouch -cp "$CP" io.github.ndfilters.bench.Benchmark "$@"
echo
# 512^3 floats are 512 MiB; 2.5 x that is 1280 MiB.
java -Xms1280m -Xmx1280m -XX:+AlwaysPreTouch -cp "$CP" io.github.ndfilters.bench.MemoryCheck
echo
bench/macro_route.sh "$reps"
echo
if python3 -c "import scipy" 2>/dev/null; then
	python3 bench/scipy_peer.py 3 "$cases"
fi
