#!/usr/bin/env bash
# Builds the plugin, installs it into a plain ImageJ 1.x folder under target/,
# and shows it working on a bundled real image (coins).
#
#   ./run-demo.sh           with a display: opens ImageJ with the plugin and
#                           the image; the commands are under
#                           Process > Filters
#   ./run-demo.sh --batch   (or without a display) runs Correlate, Convolve
#                           and Compare in batch mode and writes TIFF results
#                           and PNG previews to target/demo/
#
# Needs JDK 11+ and Maven; batch mode without a display needs xvfb-run
# (Debian: apt-get install xvfb).
set -euo pipefail
cd "$(dirname "$0")"

batch=false
for arg in "$@"; do
	case "$arg" in
	--batch) batch=true ;;
	-h | --help)
		sed -n '2,14p' "$0"
		exit 0
		;;
	*)
		echo "Unknown option '$arg'; use --batch or --help." >&2
		exit 2
		;;
	esac
done
if [ -z "${DISPLAY:-}" ]; then
	batch=true
fi

echo "Building the plugin (mvn package, tests skipped)..."
mvn -B -q -ntp package -DskipTests

app=target/demo-imagej
./install-imagej.sh "$app"
image="$PWD/src/test/resources/images/coins_u8.tif"
echo "ImageJ with the plugin installed: $app"

if [ "$batch" = false ]; then
	echo "Starting ImageJ with $(basename "$image") open; see Process > Filters."
	exec java -jar "$app/ij.jar" -ijpath "$app" "$image"
fi

out="$PWD/target/demo"
rm -rf "$out"
mkdir -p "$out"
run=()
if [ -z "${DISPLAY:-}" ]; then
	if command -v xvfb-run >/dev/null 2>&1; then
		run=(xvfb-run -a)
	else
		echo "No display and no xvfb-run: install it (Debian: apt-get install xvfb)." >&2
		exit 1
	fi
fi
echo "Running the demo macro in batch mode..."
timeout 600 "${run[@]}" java -jar "$app/ij.jar" -ijpath "$app" -batch "$PWD/demo/demo.ijm" \
	"$image|$out/" | tee "$out/log.txt"
if ! grep -q "Demo results written" "$out/log.txt"; then
	echo "The demo macro did not finish; see $out/log.txt" >&2
	exit 1
fi
echo "Results (TIFF), previews (PNG) and compare_results.csv are in $out"
ls "$out"
