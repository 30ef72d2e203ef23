#!/bin/sh
# Runs the speed benchmark in a JVM with a pre-touched heap of fixed size.
# Usage: bench/run.sh [reps=N] [cases=2d7,2d31,3d7,3d15,gauss15,u16]
set -e
cd "$(dirname "$0")/.."
mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
	-Dmdep.includeScope=test
exec java -Xms4g -Xmx4g -XX:+AlwaysPreTouch \
	-cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
	io.github.ndfilters.bench.Benchmark "$@"
