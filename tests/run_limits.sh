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

# Uncertainty (#5): past the limits of draws, threads and inputs ...
over() { # NAME WANT ARGS...: exit 2 naming the limit
	name=$1 want=$2
	shift 2
	( ulimit -v 512000; "$bin" "$@" ) >/dev/null 2>"$tmp/err"
	rc=$?
	if [ "$rc" != 2 ] || ! grep -q -- "$want" "$tmp/err"; then
		echo "FAIL  $name: exit $rc, stderr:"; head -n 3 "$tmp/err" | sed 's/^/      /'
		fail=$((fail + 1))
	else
		pass=$((pass + 1)); echo "ok    $name: $(head -n 1 "$tmp/err" | cut -c1-110)"
	fi
}
S=scenarios/unga-vuxna.ini
over draws "expected a whole number from 0 to 1000000, got '1000001'" run "$S" --draws 1000001
over threads "expected a whole number from 1 to 256, got '257'" run "$S" --threads 257
sed 's/^draws = .*/draws = 1000001/' "$S" |
	sed "s|^profiles = .*|profiles = $(pwd)/templates/typpersoner.ini|" >"$tmp/file_draws.ini"
limit file_draws "draws: expected"
awk 'BEGIN { print "[profile]"; print "price_year = 2026"; print "[actors]"; print "k = K";
	print "[state A]"; print "label = A"; for (i = 0; i < 501; i++) print "k.x" i " = 1000";
	print "[state B]"; print "label = B" }' >"$tmp/items.profile.ini"
awk 'BEGIN { print "[scenario]"; print "profiles = items.profile.ini";
	print "start_year = 2026"; print "years = 5"; print "[cohort]"; print "size = 10";
	print "A = 1"; print "[intervention]"; print "years = 1"; print "[baseline]";
	print "A -> B = 0.2"; print "[intervention.transitions]"; print "A -> B = 0.3";
	print "[uncertainty profile]";
	for (i = 0; i < 501; i++) print "A.k.x" i " = gamma(1000, 100)" }' >"$tmp/inputs.ini"
limit inputs "expected at most 500 uncertain inputs, got more"

# ... and the largest Monte Carlo the limits admit, 32 actors and 1 000 000
# draws (34 NPVs a draw: 272 MB), runs whole within the same 500 MB
awk 'BEGIN { print "[profile]"; print "price_year = 2026"; print "[actors]";
	for (a = 0; a < 32; a++) print "a" a " = Aktör " a;
	split("A B", st, " ");
	for (k = 1; k <= 2; k++) { print "[state " st[k] "]"; print "label = " st[k];
		for (a = 0; a < 32; a++) print "a" a ".c = " (k == 1 ? 1000 + a : -a) } }' \
	>"$tmp/actors.profile.ini"
printf '%s\n' "[scenario]" "profiles = actors.profile.ini" "start_year = 2026" "years = 5" \
	"[cohort]" "size = 100" "A = 1" "[intervention]" "years = 1" \
	"cost_per_participant.a0 = 500" "[baseline]" "A -> B = 0.2" \
	"[intervention.transitions]" "A -> B = 0.3" "[uncertainty intervention.transitions]" \
	"A -> B = beta(30, 70)" >"$tmp/actors.ini"
( ulimit -v 512000; "$bin" run "$tmp/actors.ini" --quiet --draws 1000000 --threads 2 \
	--json "$tmp/actors.json" ) >/dev/null 2>"$tmp/err"
rc=$?
if [ "$rc" = 0 ] && grep -q '"draws": 1000000' "$tmp/actors.json"; then
	pass=$((pass + 1)); echo "ok    32 actors, 1 000 000 draws: whole within ulimit -v 500 MB"
else
	echo "FAIL  32 actors, 1 000 000 draws within 500 MB: exit $rc"
	head -n 3 "$tmp/err" | sed 's/^/      /'
	fail=$((fail + 1))
fi

echo "limits: $pass passed, $fail failed"
[ "$fail" = 0 ]
