#!/usr/bin/env bash
# deploy/: the Slurm scripts and the Kubernetes manifests parse, agree on N,
# and the nvtsim commands in them work on this nvtsim: two shards run as the
# Slurm array tasks and as the Indexed Job's pods run them, merged as their
# merge jobs do, give the exit code of one unsharded run.
# usage: deploy_test.sh NVTSIM SOURCE_DIR; exit 77 (skipped) without python3's
# yaml module, once everything else has passed.
set -u
nvtsim=$1 top=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
skipped=
# A small sweep (17 configs, not the default spec's 221): enough to shard
# and to find failures to merge, quick enough to run three times under ASan.
printf '%s\n' "tier 1 kinds=w512,w8192 deviations=1" "tier 2 kinds=w4096 deviations=0" \
	"tier 3 kinds=w4096 deviations=0" "budget 20" >"$tmp/sweep.spec"
small="--sweep $tmp/sweep.spec"

check() {	# check NAME command...: passes if the command exits 0
	local name=$1
	shift
	if "$@" >"$tmp/out" 2>&1; then
		passed=$((passed + 1))
	else
		echo "FAIL $name"; head -5 "$tmp/out"
		failed=$((failed + 1))
	fi
}

# The scripts parse.
slurm=$top/deploy/slurm
for f in nvtsim-sweep.sbatch nvtsim-merge.sbatch submit; do
	check "bash -n $f" bash -n "$slurm/$f"
done
# The array's default range and the default N are the same number.
array=$(sed -n 's/^#SBATCH --array=1-\([0-9]*\)$/\1/p' "$slurm/nvtsim-sweep.sbatch")
n_default=$(sed -n 's/^n=\${NVTSIM_SHARDS:-\([0-9]*\)}$/\1/p' "$slurm/nvtsim-sweep.sbatch")
check "sbatch: --array=1-N ($array) and NVTSIM_SHARDS's default ($n_default) agree" \
	test -n "$array" -a "$array" = "$n_default"

# This nvtsim has what the scripts use.
"$nvtsim" explore --help >"$tmp/help" 2>&1
for opt in --all-variants --shard --results --jobs; do
	check "nvtsim explore --help names $opt" grep -q -- "$opt" "$tmp/help"
done
check "nvtsim merge --help exits 0" "$nvtsim" merge --help
check "nvtsim merge --help names --out" sh -c "'$nvtsim' merge --help | grep -q -- --out"

# The unsharded run the shards must add up to.
ref=0
"$nvtsim" explore --all-variants $small --out "$tmp/ref-cex" >"$tmp/ref.txt" 2>&1 || ref=$?
check "unsharded explore --all-variants $small: exit 0, 1, 3 or 4 (got $ref)" \
	test "$ref" = 0 -o "$ref" = 1 -o "$ref" = 3 -o "$ref" = 4

# Slurm: the array's tasks and the merge, run as Slurm runs them (a batch
# script is a bash script; Slurm sets the variables). Task 1 has 2 CPUs (--jobs).
sweep() {	# sweep K CPUS: one array task
	env SLURM_ARRAY_TASK_ID="$1" SLURM_CPUS_PER_TASK="$2" NVTSIM="$nvtsim" \
		NVTSIM_SHARDS=2 NVTSIM_RESULTS_DIR="$tmp/slurm" NVTSIM_EXPLORE_ARGS="$small" \
		bash "$slurm/nvtsim-sweep.sbatch"
}
check "slurm task 1/2 (2 CPUs)" sweep 1 2
check "slurm task 2/2" sweep 2 1
check "slurm task 1/2 left shard-1.json" test -s "$tmp/slurm/shard-1.json"
rc=0
env NVTSIM="$nvtsim" NVTSIM_RESULTS_DIR="$tmp/slurm" bash "$slurm/nvtsim-merge.sbatch" \
	>"$tmp/out" 2>&1 || rc=$?
check "slurm merge: exit $rc, unsharded $ref" test "$rc" = "$ref"
check "slurm merge wrote report.txt" test -s "$tmp/slurm/report.txt"
check "slurm: a task past N fails" sh -c "! env SLURM_ARRAY_TASK_ID=3 NVTSIM_SHARDS=2 \
	NVTSIM='$nvtsim' NVTSIM_RESULTS_DIR='$tmp/slurm3' bash '$slurm/nvtsim-sweep.sbatch'"

# Kubernetes: the manifests parse and agree, and the containers' scripts
# run as the pods would run them (nvtsim on PATH, JOB_COMPLETION_INDEX set).
if ! python3 -c 'import yaml' 2>/dev/null; then
	skipped="python3 has no yaml module (Debian: python3-yaml): Kubernetes part skipped"
else
	check "k8s manifests parse and agree" python3 - "$top/deploy/k8s" "$tmp" <<'PY'
import sys, yaml
k8s, tmp = sys.argv[1], sys.argv[2]
sweep_docs = list(yaml.safe_load_all(open(k8s + "/nvtsim-sweep.yaml")))
merge_docs = list(yaml.safe_load_all(open(k8s + "/nvtsim-merge.yaml")))
byname = {(d["kind"], d["metadata"]["name"]): d for d in sweep_docs + merge_docs}
pvc = byname[("PersistentVolumeClaim", "nvtsim-results")]
job, merge = byname[("Job", "nvtsim-sweep")], byname[("Job", "nvtsim-merge")]
assert job["apiVersion"] == "batch/v1" and job["spec"]["completionMode"] == "Indexed"
n = job["spec"]["completions"]
assert 1 <= job["spec"]["parallelism"] <= n, "parallelism must be 1..completions"
for name, j in (("sweep", job), ("merge", merge)):
    pod = j["spec"]["template"]["spec"]
    c, = pod["containers"]
    env = {e["name"]: e.get("value") for e in c["env"]}
    # JOBS: the kubelet puts the container's CPU request there
    jobs, = [e["valueFrom"]["resourceFieldRef"] for e in c["env"] if e["name"] == "JOBS"]
    assert jobs["containerName"] == c["name"] and jobs["resource"] == "requests.cpu"
    assert "cpu" in c["resources"]["requests"]
    if name == "sweep":
        assert env["SHARDS"] == str(n), f"SHARDS {env['SHARDS']} but completions {n}"
    mount, = c["volumeMounts"]
    assert mount["mountPath"] == env["RESULTS_DIR"], "results are not on the volume"
    vol, = pod["volumes"]
    assert vol["name"] == mount["name"]
    assert vol["persistentVolumeClaim"]["claimName"] == pvc["metadata"]["name"]
    assert c["command"] == ["bash", "-c"] and len(c["args"]) == 1
    open(f"{tmp}/k8s-{name}.sh", "w").write(c["args"][0])
PY
	mkdir -p "$tmp/bin" "$tmp/k8s"
	ln -s "$(cd "$(dirname "$nvtsim")" && pwd)/$(basename "$nvtsim")" "$tmp/bin/nvtsim"
	pod() {	# pod SCRIPT [VAR=VALUE...]: the container's script, its env
		local script=$1
		shift
		env PATH="$tmp/bin:$PATH" RESULTS_DIR="$tmp/k8s" JOBS=1 "$@" \
			bash -c "$(cat "$tmp/k8s-$script.sh")"
	}
	for i in 0 1; do
		check "k8s pod JOB_COMPLETION_INDEX=$i of 2" \
			pod sweep JOB_COMPLETION_INDEX=$i SHARDS=2 EXPLORE_ARGS="$small"
	done
	check "k8s pod 0 left shard-1.json" test -s "$tmp/k8s/shard-1.json"
	rc=0
	pod merge >"$tmp/out" 2>&1 || rc=$?
	check "k8s merge: exit $rc, unsharded $ref" test "$rc" = "$ref"
	check "k8s merge wrote report.txt" test -s "$tmp/k8s/report.txt"
fi

echo "deploy: $passed passed, $failed failed"
[ "$failed" = 0 ] || exit 1
[ -z "$skipped" ] || { echo "$skipped"; exit 77; }
exit 0
