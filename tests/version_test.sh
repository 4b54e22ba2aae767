#!/usr/bin/env bash
# nvtsim --version: "nvtsim VERSION (git describe)", VERSION from
# project(VERSION); cmake/git_describe.cmake gives "unknown" outside a
# checkout and inside someone else's.
set -u
nvtsim=$1
top=$2
version=$3
cmake=${4:-cmake}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }

out=$("$nvtsim" --version)
rc=$?
[[ $rc == 0 && $out =~ ^nvtsim\ ${version//./\\.}\ \([A-Za-z0-9._+-]+\)$ ]] && ok ||
	fail "--version: exit $rc, '$out' (wanted 'nvtsim $version (DESCRIBE)')"
[ "$("$nvtsim" version)" = "$out" ] && ok || fail "version differs from --version"
"$nvtsim" --help | grep -q '^  version ' && ok || fail "--help does not list version"
"$nvtsim" version extra >/dev/null 2>"$tmp/err"
rc=$?
[ "$rc" = 2 ] && grep -q "unexpected argument 'extra'" "$tmp/err" && ok ||
	fail "version extra: exit $rc, $(cat "$tmp/err")"

describe() {	# the NVTSIM_GIT_DESCRIBE cmake/git_describe.cmake writes for $1
	rm -f "$tmp/v.h"
	"$cmake" -DSRC="$1" -DOUT="$tmp/v.h" -P "$top/cmake/git_describe.cmake" &&
		sed -n 's/^#define NVTSIM_GIT_DESCRIBE "\(.*\)"$/\1/p' "$tmp/v.h"
}
mkdir "$tmp/tarball"
[ "$(describe "$tmp/tarball")" = unknown ] && ok || fail "not a checkout: '$(describe "$tmp/tarball")', wanted unknown"
if git -C "$top" rev-parse --show-toplevel >/dev/null 2>&1; then
	# a tree unpacked inside another checkout does not take its commit
	[ "$(describe "$top/scenarios")" = unknown ] && ok ||
		fail "a subdirectory of a checkout: '$(describe "$top/scenarios")', wanted unknown"
	want=$(git -C "$top" describe --tags --always --dirty)
	[ "$(describe "$top")" = "$want" ] && ok || fail "checkout: '$(describe "$top")', wanted '$want'"
fi
# the header is rewritten only when the text changes (nothing recompiles)
describe "$tmp/tarball" >/dev/null
touch -d @1000000000 "$tmp/v.h"
"$cmake" -DSRC="$tmp/tarball" -DOUT="$tmp/v.h" -P "$top/cmake/git_describe.cmake"
[ "$(stat -c %Y "$tmp/v.h")" = 1000000000 ] && ok || fail "an unchanged header was rewritten"

echo "version: $passed passed, $failed failed"
[ "$failed" = 0 ]
