#!/usr/bin/env bash
# The candidate fix for the write_space hang (patches/), applied to copies
# of both Debian trees: the hang's pin config must come out clean, and over
# the differential configs the patched trees must find neither the
# write_space hang nor anything new, where the unpatched trees find the hang.
set -u
nvtsim=$1
top=$2
. "$top/tests/kernel/lib.sh"
ksetup "$nvtsim" 6.1 6.12
failed=0
checked=0
bug=write-space-lost-to-trylock

explore() {	# explore TREE CONFIG|-: output in $tmp/out, exit code in $rc
	local cfg=$2
	[ "$cfg" = - ] && cfg=--default
	"$nvtsim" explore $cfg --kernel "$1" --keep-going --no-minimize \
		--no-progress --out "$tmp/cex" >"$tmp/out" 2>&1
	rc=$?
}

for ver in 6.1 6.12; do
	tree=$tmp/linux-$ver
	kstage "$ver" "$tree" || { echo "FAIL: cannot extract $ver"; exit 1; }
	patch -s -p1 -d "$tree" <"$top/patches/nvme-tcp-kick-io-work-for-half-sent-request-$ver.patch" ||
		{ echo "FAIL: the fix does not apply to $ver"; exit 1; }

	# the hang through queue_rq's own kick, and through ->commit_rqs
	for pin in "$top/tests/pins/$bug.nvt" "$top/tests/kernel/configs/write-space-commit.nvt"; do
		explore "$(ktree "$ver")" "$pin"
		if ! grep -q "^known: *$bug after" "$tmp/out"; then
			echo "FAIL: unpatched $ver, ${pin#"$top"/}: does not find $bug"
			failed=$((failed + 1))
		fi
		explore "$tree" "$pin"
		checked=$((checked + 1))
		if [ $rc != 0 ] || ! grep -q '^search: *complete' "$tmp/out"; then
			echo "FAIL: patched $ver, ${pin#"$top"/}: not clean and complete (exit $rc)"
			grep -E '^(search|found|known|NEW):' "$tmp/out" | head -5
			failed=$((failed + 1))
		fi
	done
	for cfg in - "$top/scenarios/seed-race.nvt" \
		   "$top/tests/kernel/configs/write-small-sndbuf.nvt" \
		   "$top/tests/kernel/configs/read-write.nvt" "$top/tests/kernel/configs/two-cpus.nvt" \
		   "$top/scenarios/maxh2cdata-chunking.nvt"; do
		explore "$tree" "$cfg"
		checked=$((checked + 1))
		if grep -Eq "^(NEW:|known: *$bug )" "$tmp/out" || [ $rc = 2 ]; then
			echo "FAIL: patched $ver, ${cfg#"$top"/}: the hang or something new (exit $rc)"
			grep -E '^(search|found|known|NEW):' "$tmp/out" | head -5
			failed=$((failed + 1))
		fi
	done
done
echo "fix: $checked explorations of the patched trees, $failed failed"
[ "$failed" = 0 ]
