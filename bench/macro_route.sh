#!/bin/sh
# Installs the packaged plugin into a plain ImageJ 1.x folder under target/ and runs
# bench/macro_route.ijm there in batch mode (under xvfb-run when there is no display),
# with a pre-touched heap like the core benchmark's.
# Usage: bench/macro_route.sh [repetitions]   (after mvn package)
set -e
cd "$(dirname "$0")/.."
app=target/bench-imagej
./install-imagej.sh "$app"
display=""
if [ -z "${DISPLAY:-}" ]; then
	if ! command -v xvfb-run >/dev/null 2>&1; then
		echo "No display and no xvfb-run: install it (Debian: apt-get install xvfb)." >&2
		exit 1
	fi
	display="xvfb-run -a"
fi
$display java -Xms4g -Xmx4g -XX:+AlwaysPreTouch -jar "$app/ij.jar" -ijpath "$app" \
	-batch "$PWD/bench/macro_route.ijm" "${1:-5}"
