#!/bin/sh
# Monte Carlo throughput of samkalk against a vectorised NumPy baseline of
# the same model (bench/mc_numpy.py), measured in the same run: draws per
# second for 10 000 and 1 000 000 draws at 1 and 2 threads on
# scenarios/unga-vuxna.ini and bench/heavy.ini, peak memory, and whether
# the project's targets are met. The baseline is first checked against
# samkalk (the same NPVs to 1e-6). About 80 s on 2 cores; --quick: 10 s.
# Usage: sh bench/mc.sh [build/samkalk] [--quick]   (from the repository root)
set -eu
bin=${1:-build/samkalk}
[ $# -gt 0 ] && shift
py=${PYTHON:-/usr/bin/python3}
cd "$(dirname "$0")/.."
if ! "$py" -c 'import numpy' 2>/dev/null; then
	echo "bench/mc.sh: $py has no NumPy; install it with: apt-get install -y python3-numpy" >&2
	exit 1
fi
[ -x "$bin" ] || { echo "bench/mc.sh: no $bin; run make first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench/mc.sh: no /usr/bin/time; apt-get install -y time" >&2; exit 1; }
exec "$py" bench/mc_bench.py "$bin" "$@"
