#!/bin/sh
# Installs the packaged plugin (after mvn package) into a fresh plain ImageJ 1.x folder:
# ij.jar, the plugin jar in plugins/ and its dependencies in plugins/jars/. Any earlier
# content of the folder is removed first.
# Usage: ./install-imagej.sh <folder>
set -e
cd "$(dirname "$0")"
app="${1:?Give the folder to install ImageJ into, such as target/my-imagej.}"
if [ ! -f target/imagej/ij.jar ]; then
	echo "No packaged plugin in target/: run mvn package first." >&2
	exit 1
fi
rm -rf "$app"
mkdir -p "$app/plugins/jars"
cp target/imagej/ij.jar "$app/"
cp target/imagej/plugins/jars/*.jar "$app/plugins/jars/"
jar=$(ls target/Correlate_Convolve_nD-*.jar | grep -v -e '-sources' -e '-tests' -e '-javadoc' \
	| head -n 1)
cp "$jar" "$app/plugins/"
