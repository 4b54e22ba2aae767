#!/usr/bin/env bash
# cmake --install under a fresh prefix: nvtsim, its scenarios, the man page,
# the bash completion and what --kernel builds against; the installed nvtsim
# runs an installed scenario from outside the source tree with the expected
# verdict, and its --kernel builds use the installed kernel/, not the
# source tree's.
set -u
build=$(cd "$1" && pwd) || exit 1
top=$(cd "$2" && pwd) || exit 1
cmake=${3:-cmake}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }

p=$tmp/prefix
if ! "$cmake" --install "$build" --prefix "$p" >"$tmp/install.log" 2>&1; then
	echo "FAIL cmake --install $build --prefix $p:"
	cat "$tmp/install.log"
	exit 1
fi
for f in bin/nvtsim share/man/man1/nvtsim.1 share/bash-completion/completions/nvtsim \
	 share/doc/nvtsim/README.md share/doc/nvtsim/nvtsim-report.schema.json \
	 share/nvtsim/scenarios/seed-race.nvt \
	 share/nvtsim/kernel/kbuild.sh share/nvtsim/harness/driver.h; do
	[ -f "$p/$f" ] && ok || fail "not installed: $f"
done
[ -x "$p/bin/nvtsim" ] && ok || fail "bin/nvtsim is not executable"
cmp -s "$top/doc/nvtsim.1" "$p/share/man/man1/nvtsim.1" && ok || fail "the man page differs"
cmp -s "$top/doc/nvtsim.bash-completion" "$p/share/bash-completion/completions/nvtsim" &&
	ok || fail "the completion differs"
# every scenario; kernel/ and harness/include as they are (kernel/kbuild.sh
# hashes them: the same files share cached drivers with the source tree)
for d in scenarios kernel harness/include; do
	diff -r "$top/$d" "$p/share/nvtsim/$d" >"$tmp/diff" && ok ||
		fail "share/nvtsim/$d is not the source tree's: $(head -n 3 "$tmp/diff")"
done

# from outside the source and build trees, with nothing pointing back at them
mkdir "$tmp/elsewhere"
cd "$tmp/elsewhere" || exit 1
unset NVTSIM_SOURCE_DIR
export NVTSIM_CACHE_DIR=$tmp/kcache
nv=$p/bin/nvtsim
sc=$p/share/nvtsim/scenarios
[ "$("$nv" --version)" = "$("$build/nvtsim" --version)" ] && ok ||
	fail "installed --version '$("$nv" --version)' is not the build's"
"$nv" run "$sc/seed-race.nvt" --variant db5ad6b7f8cd >out 2>&1
rc=$?
[ "$rc" = 0 ] && grep -q '^HANG: w1 ' out && grep -q 'expected: hang H2CData w1 -> as expected' out &&
	ok || fail "seed-race on db5ad6b7f8cd: exit $rc, $(grep -m 1 'HANG\|PASS\|nvtsim:' out)"
"$nv" run "$sc/seed-race.nvt" --variant 5c11f7d9f843 --quiet >out 2>&1
rc=$?
[ "$rc" = 0 ] && grep -q '^PASS: ' out && ok ||
	fail "seed-race on 5c11f7d9f843: exit $rc, $(head -n 1 out)"
for s in "$sc"/*.nvt; do
	"$nv" run "$s" --all-variants >out 2>&1 && ok ||
		fail "installed ${s#"$p"/} --all-variants: $(grep -m 1 FAIL out)"
done
for s in "$sc"/found/*.nvt; do	# (each on the variant it was found on)
	"$nv" run "$s" --quiet >out 2>&1 && ok ||
		fail "installed ${s#"$p"/}: $(head -n 1 out)"
done

# --kernel: the installed kernel/kbuild.sh runs (a stand-in here, which
# says so; a real build takes 20 s and is the kernel tests' job)
cp -a "$p" "$tmp/prefix2"
printf '#!/bin/sh\necho "stand-in kbuild.sh: $0" >&2\nexit 2\n' \
	>"$tmp/prefix2/share/nvtsim/kernel/kbuild.sh"
"$tmp/prefix2/bin/nvtsim" variants --kernel "$tmp" >out 2>&1
rc=$?
[ "$rc" = 2 ] && grep -qx "stand-in kbuild.sh: $tmp/prefix2/share/nvtsim/kernel/kbuild.sh" out &&
	ok || fail "installed --kernel did not run the installed kbuild.sh: exit $rc, $(head -n 1 out)"
# the build tree's nvtsim keeps using the source tree
"$build/nvtsim" variants --kernel "$tmp" >out 2>&1
grep -q "stand-in" out && fail "the build tree's nvtsim ran an installed kbuild.sh" || ok
# and NVTSIM_SOURCE_DIR still wins over the installed copy
NVTSIM_SOURCE_DIR=$p/share/nvtsim "$tmp/prefix2/bin/nvtsim" variants --kernel "$tmp" >out 2>&1
grep -q "stand-in" out && fail "NVTSIM_SOURCE_DIR did not win" || ok

echo "install: $passed passed, $failed failed"
[ "$failed" = 0 ]
