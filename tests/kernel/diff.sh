#!/usr/bin/env bash
# Differential check: a kernel tree's own tcp.c against the model variant
# whose send path it equals (Debian's 6.1.192 = 3770a42bb8ce, 6.12.117 =
# mainline). Every scenario under scenarios/ must give the same verdict
# line (kind, request, stuck PDU and where it sits; step counts aside), and
# explorations of fixed configs must name the same bugs with the same
# completeness. A difference is a model bug or a shim bug.
# usage: diff.sh NVTSIM TOP [--table]   (--table: print the README's table)
set -u
nvtsim=$1
top=$2
table=${3:-}
. "$top/tests/kernel/lib.sh"
ksetup "$nvtsim" 6.1 6.12
passed=0
failed=0

row() {	# row WHAT MODEL KERNEL SAME
	if [ -n "$table" ]; then
		printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4"
	fi
}

short() {	# the verdict kind and the stuck PDU, for the table
	sed -E 's/^([A-Z ]+):.*its ([A-Za-z0-9]+) PDU.*/\1 \2/; s/^([A-Z ]+):.*/\1/'
}

run_diff() {	# run_diff VER VARIANT SCENARIO
	local ver=$1 var=$2 sc=$3 m k
	m=$("$nvtsim" run "$sc" --variant "$var" -q 2>&1 | kverdict)
	k=$("$nvtsim" run "$sc" --kernel "$(ktree "$ver")" -q 2>&1 | kverdict)
	if [ "$m" = "$k" ]; then
		passed=$((passed + 1))
		row "run ${sc#"$top"/} on $ver" "$(short <<<"$m")" "$(short <<<"$k")" same
	else
		failed=$((failed + 1))
		echo "FAIL: ${sc#"$top"/}: $var and linux-$ver differ"
		echo "  model:  $m"
		echo "  kernel: $k"
		row "run ${sc#"$top"/} on $ver" "$(short <<<"$m")" "$(short <<<"$k")" DIFFERENT
	fi
}

# What a search found, as a comparable key: completeness, known bugs by
# name, new failures by verdict kind and PDU.
explore_key() {
	grep -E '^(search|known|NEW):' | sed -E \
		-e 's/^search: *(complete at preemption bound [0-9]+|[a-z]+).*/search \1/' \
		-e 's/^known: *([a-z0-9-]+) after.*/known \1/' \
		-e 's/^NEW: *([A-Z ]+):.*its ([A-Za-z0-9]+) PDU.*/NEW \1 \2/' \
		-e 's/^NEW: *([A-Z ]+):.*/NEW \1/' | sort -u | paste -sd ';'
}

explore_diff() {	# explore_diff VER VARIANT CONFIG|- [ARGS...]
	local ver=$1 var=$2 cfg=$3 m k name
	shift 3
	name=${cfg#"$top"/}
	[ "$cfg" = - ] && { cfg=--default; name="default config"; }
	m=$("$nvtsim" explore $cfg --variant "$var" --keep-going --no-minimize \
		--no-progress --out "$tmp/cex" "$@" 2>&1 | explore_key)
	k=$("$nvtsim" explore $cfg --kernel "$(ktree "$ver")" --keep-going \
		--no-minimize --no-progress --out "$tmp/cex" "$@" 2>&1 | explore_key)
	if [ -n "$m" ] && [ "$m" = "$k" ]; then
		passed=$((passed + 1))
		row "explore $name $* on $ver" "$m" "$k" same
	else
		failed=$((failed + 1))
		echo "FAIL: explore $name $*: $var and linux-$ver differ"
		echo "  model:  $m"
		echo "  kernel: $k"
		row "explore $name $* on $ver" "$m" "$k" DIFFERENT
	fi
}

[ -n "$table" ] && printf '| check | model | real tcp.c | |\n|---|---|---|---|\n'
for pair in 6.1:3770a42bb8ce 6.12:mainline; do
	ver=${pair%%:*}
	var=${pair#*:}
	for sc in "$top"/scenarios/*.nvt "$top"/scenarios/found/*.nvt; do
		run_diff "$ver" "$var" "$sc"
	done
	. "$top/tests/kernel/diff-configs.sh"
done
echo "kernel diff: $passed same, $failed different"
[ "$failed" = 0 ]
