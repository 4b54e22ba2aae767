#!/usr/bin/env bash
# Fuzzing as the README says leaves the tree clean: new corpus entries and
# crash artifacts go under the build directory, and only the seed files git
# tracks become ctests (issue 11: ~640 new inputs had become ctests).
# usage: fuzz_corpus_test.sh SOURCE_DIR BUILD_DIR
set -u
top=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() {
	echo "FAIL $*"
	failed=$((failed + 1))
}

# every fuzz.* ctest is a tracked seed file, and every tracked seed a ctest
if git -C "$top" rev-parse --git-dir >/dev/null 2>&1; then
	tracked=$(git -C "$top" ls-files -- 'fuzz/*_corpus/*' | wc -l)
	tests=$(ctest --test-dir "$build" -N -R '^fuzz\.' | grep -c 'Test *#')
	[ "$tracked" -gt 0 ] && [ "$tests" = "$tracked" ] ||
		fail "corpus-tests: $tests fuzz.* ctests for $tracked tracked seed files"
	for f in "$top"/fuzz/*_corpus/*; do
		git -C "$top" ls-files --error-unmatch -- "$f" >/dev/null 2>&1 && continue
		ctest --test-dir "$build" -N -R "^fuzz\..*\.$(basename "$f")\$" | grep -q 'Test *#' &&
			fail "corpus-tests: untracked $f is a ctest"
	done
else
	echo "not a git checkout: the tracked-seed check is skipped"
fi

# fuzz/run, with a stand-in for the fuzzer that writes what libFuzzer
# would: a new input into its first corpus directory, a crash input at
# -artifact_prefix, a scenario into NVTSIM_FUZZ_OUT
mkdir -p "$tmp/bin" "$tmp/cwd"
cat >"$tmp/bin/fuzz_interleave" <<'STUB'
#!/usr/bin/env bash
prefix=./ first=
for a in "$@"; do
	case "$a" in
	-artifact_prefix=*) prefix=${a#-artifact_prefix=} ;;
	-*) ;;
	*) [ -n "$first" ] || first=$a ;;
	esac
done
echo new >"$first/new-input"
echo crash >"${prefix}crash-0123"
echo scenario >"${NVTSIM_FUZZ_OUT:-.}/fuzz-new.nvt"
printf '%s\n' "$@" >"$prefix/args"
STUB
chmod +x "$tmp/bin/fuzz_interleave"
before=$(ls -A "$top/fuzz/fuzz_interleave_corpus" | sort)
(cd "$tmp/cwd" && NVTSIM_FUZZ_BIN=$tmp/bin NVTSIM_FUZZ_WORK=$tmp/work "$top/fuzz/run" fuzz_interleave -runs=1) ||
	fail "fuzz-run: exit $?"
[ "$(ls -A "$top/fuzz/fuzz_interleave_corpus" | sort)" = "$before" ] || {
	fail "fuzz-run: wrote into the tracked seed corpus"
	comm -13 <(echo "$before") <(ls -A "$top/fuzz/fuzz_interleave_corpus" | sort) |
		sed "s|^|$top/fuzz/fuzz_interleave_corpus/|" | xargs -r rm -f
}
[ -z "$(ls -A "$tmp/cwd")" ] || fail "fuzz-run: left $(ls -A "$tmp/cwd") in the current directory"
[ -f "$tmp/work/corpus/fuzz_interleave/new-input" ] || fail "fuzz-run: new inputs not in the work corpus"
[ -f "$tmp/work/crashes/crash-0123" ] || fail "fuzz-run: crash artifact not in the work crashes directory"
[ -f "$tmp/work/crashes/fuzz-new.nvt" ] || fail "fuzz-run: NVTSIM_FUZZ_OUT not in the work crashes directory"
grep -qx -- "-dict=$top/fuzz/fuzz_interleave.dict" "$tmp/work/crashes/args" || fail "fuzz-run: no -dict"
grep -qx -- "$top/fuzz/fuzz_interleave_corpus" "$tmp/work/crashes/args" || fail "fuzz-run: the seeds are not read"

# the README's fuzzing commands: a fuzzer's first corpus directory, its
# artifacts and its scenarios all under build-fuzz/
sed -n '/^## Fuzzing/,/^## Coverage/p' "$top/README.md" | grep -E '^    .*build-fuzz/fuzz/fuzz_[a-z]+ ' >"$tmp/cmds"
while IFS= read -r line; do
	cmd=${line##*build-fuzz/fuzz/}
	dir=$(printf '%s\n' "$cmd" | tr ' ' '\n' | sed 1d | grep -v '^-' | head -1)
	case "$dir" in build-fuzz/*) ;; *) fail "readme: '$line': first corpus directory '$dir' is not under build-fuzz/" ;; esac
	grep -qF -- "-artifact_prefix=build-fuzz/" <<<"$cmd" || fail "readme: '$line': no -artifact_prefix under build-fuzz/"
	case "$line" in *fuzz_interleave*) grep -qF "NVTSIM_FUZZ_OUT=build-fuzz/" <<<"$line" ||
		fail "readme: '$line': fuzz_interleave's scenarios go to the current directory" ;; esac
done <"$tmp/cmds"
n=$(sed -n '/^## Fuzzing/,/^## Coverage/p' "$top/README.md" | grep -cE '^    (.*&& )?fuzz/run ')
[ "$n" -ge 2 ] || fail "readme: the Fuzzing section does not run both targets with fuzz/run"
[ "$failed" = 0 ] && echo "fuzz corpus: ok"
[ "$failed" = 0 ]
