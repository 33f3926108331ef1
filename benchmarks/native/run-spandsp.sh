#!/bin/sh
# Builds and runs the spandsp anchor for CodecBenchmark (not part of the Maven build).
# Needs: apt-get install -y libspandsp-dev gcc
set -eu
cd "$(dirname "$0")"
out="${TMPDIR:-/tmp}/parley-spandsp-codecs"
gcc -O2 -o "$out" spandsp_codecs.c -lspandsp -lm
echo "spandsp $(dpkg-query -W -f='${Version}' libspandsp-dev 2>/dev/null || echo '?'), gcc -O2, one thread"
"$out"
