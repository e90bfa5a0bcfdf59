#!/bin/sh
# Inputs at and past the documented limits (docs/limits.md): each must end
# in exit status 2 with a message naming the limit, quickly, within 500 MB
# of memory (ulimit -v), and never crash. Not run under the sanitizers,
# which reserve more address space than any such limit allows.
# Usage: sh tests/run_limits.sh build/samkalk
set -u
bin=${1:-build/samkalk}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
pass=0
prof="$(pwd)/tests/cases/bad/good.profile.ini"

# limit NAME WANT: run check on $tmp/NAME.ini under 500 MB; WANT in stderr
limit() {
	( ulimit -v 512000; "$bin" check "$tmp/$1.ini" ) >/dev/null 2>"$tmp/err"
	rc=$?
	if [ "$rc" != 2 ] || ! grep -q -- "$2" "$tmp/err"; then
		echo "FAIL  $1: exit $rc, stderr:"; head -n 3 "$tmp/err" | sed 's/^/      /'
		fail=$((fail + 1))
	else
		pass=$((pass + 1)); echo "ok    $1: $(head -n 1 "$tmp/err" | cut -c1-110)"
	fi
}

head -c 104857600 /dev/zero | tr '\0' 'a' >"$tmp/huge.ini"
limit huge "expected a file of at most 8388608 bytes, got 104857600 bytes"

{ echo "[scenario]"; printf 'name = '; head -c 1000000 /dev/zero | tr '\0' 'x'; echo; } \
	>"$tmp/long_line.ini"
limit long_line "expected a line of at most 4096 bytes, got 1000007 bytes"

{ printf '['; head -c 100000 /dev/zero | tr '\0' 's'; echo ']'; } >"$tmp/long_section.ini"
limit long_section "expected a line of at most 4096 bytes"

awk 'BEGIN { print "[profile]"; print "price_year = 2026"; print "[actors]"; print "k = K";
	for (i = 0; i < 10000; i++) { print "[state s" i "]"; print "k.c = 1" } }' \
	>"$tmp/states.profile.ini"
printf '[scenario]\nprofiles = states.profile.ini\nstart_year = 2026\nyears = 1\n' >"$tmp/states.ini"
limit states "expected at most 1000 sections in a file, got more"

awk 'BEGIN { print "[scenario]"; for (i = 0; i < 200000; i++) print "name = x" }' \
	>"$tmp/repeated.ini"
limit repeated "duplicate key in \[scenario\], first at line 2"

awk 'BEGIN { print "[scenario]"; for (i = 0; i < 30000; i++) print "k" i " = 1" }' \
	>"$tmp/many_keys.ini"
limit many_keys "expected at most 20000 keys in a file, got more"

awk -v p="$prof" 'BEGIN { print "[scenario]"; print "profiles = " p;
	print "start_year = 2026"; print "years = 101" }' >"$tmp/horizon.ini"
limit horizon "expected a horizon of 1 to 100 whole years, got 101"

echo "limits: $pass passed, $fail failed"
[ "$fail" = 0 ]
