/* nvtsim: run scenarios of the nvme-tcp host send path and say whether a PDU is left behind. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "json.h"
#include "knownbugs.h"
#include "replay.h"
#include "report.h"
#include "scenario.h"
#include "sim.h"
#include "trace.h"
#include "variant.h"

#define EXIT_EXPECTED 0
#define EXIT_UNEXPECTED 1
#define EXIT_USAGE 2
#define EXIT_NOT_APPLICABLE 3

static const char *const usage_main =
	"usage: nvtsim COMMAND [ARGS]\n"
	"\n"
	"Deterministic simulator of the Linux nvme-tcp host send path.\n"
	"\n"
	"commands:\n"
	"  run SCENARIO [options]   run a scenario, print its timeline and verdict\n"
	"  explore [CONFIG] [opts]  search the interleavings for a request left behind\n"
	"                           (without CONFIG: sweep every small config)\n"
	"  merge FILE...            combine the results of explore --shard runs\n"
	"  replay STRING            rerun an interleaving the explorer printed\n"
	"  import-crash FILE        turn a saved fuzz_interleave input into a scenario\n"
	"  variants                 list the upstream variants the model can be\n"
	"  version                  print the version and the commit (also --version)\n"
	"  help [COMMAND]           this text, or a command's\n"
	"\n"
	"--kernel PATH (run, explore, replay, import-crash, variants): run the\n"
	"real drivers/nvme/host/tcp.c of a kernel tree or a linux-source-X.Y.tar.xz,\n"
	"built unmodified against nvtsim's shims and cached, instead of the model.\n"
	"\n"
	"exit codes: 0 the verdict is what the scenario expects, 1 it is not,\n"
	"            2 usage or input error, 3 (run) the scenario's schedule\n"
	"            does not apply to the variant\n";

static const char *const usage_run =
	"usage: nvtsim run SCENARIO [--variant V | --all-variants | --kernel PATH] [--seed N]\n"
	"                  [--steps-max N] [--quiet] [--trace FILE\n"
	"                  [--trace-format text|json|chrome]] [--pcap FILE]\n"
	"                  [--format text|json] [--junit FILE] [--sarif FILE]\n"
	"\n"
	"Runs SCENARIO on one variant and prints the timeline (context, kernel\n"
	"function, operation; what went on the wire) and the verdict.\n"
	"\n"
	"  --variant V     upstream commit id (7+ digits), name or 'mainline'\n"
	"                  (default: the scenario's 'variant' line, else mainline)\n"
	"  --kernel PATH   a kernel tree's own tcp.c instead of the model\n"
	"  --all-variants  run on every variant; one line each, no timeline\n"
	"  --seed N        seed for a scenario without a schedule (default 1);\n"
	"                  with a schedule the rest of the run is lowest context first\n"
	"  --steps-max N   give up after N scheduling steps (default: scenario's, else 100000)\n"
	"  --quiet         verdict only, no timeline\n";

static const char *const usage_run_tail =
	"\n"
	"exit 0 when the verdict is what the scenario expects for the variant\n"
	"(pass where it says nothing; with --all-variants, on every variant it\n"
	"applies to), 1 when not, 2 on bad input, 3 when the scenario's schedule\n"
	"cannot be followed on a variant other than the file's own and no expect\n"
	"line names it (by id or a before/from range): not applicable, neither\n"
	"pass nor failure.\n";

static void print_usage_run(void)
{
	fputs(usage_run, stdout);
	fputs(cli_trace_usage, stdout);
	fputs(cli_report_usage, stdout);
	fputs(usage_run_tail, stdout);
}

static const char *const usage_variants =
	"usage: nvtsim variants [--kernel PATH] [--format text|json]\n"
	"\n"
	"Lists the variants: upstream commit, short name, first release, and what\n"
	"changed in the send path. With --kernel: builds (or finds in the cache)\n"
	"that tree's tcp.c and names it: version, tcp.c's sha256, stub count.\n"
	"--format json: the same as one JSON document (see nvtsim run --help).\n";

/* nvtsim variants --format json: the list as the document's "variants". */
static int variants_json(const struct cli_report_opts *ro)
{
	struct cli_report rep;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int k = sim_variant_kernel(), ret;
	unsigned i, n = k >= 0 ? 1 : sim_nvariants;

	if (!f) {
		fprintf(stderr, "nvtsim: out of memory\n");
		return EXIT_USAGE;
	}
	cli_report_init(&rep, "variants", "variants", ro);
	fputs(",\"variants\":[", f);
	for (i = 0; i < n; i++) {
		int v = k >= 0 ? k : (int)i;

		fputs(i ? "," : "", f);
		cli_report_json_variant(f, v);
	}
	fputc(']', f);
	if (fclose(f)) {
		free(buf);
		fprintf(stderr, "nvtsim: out of memory\n");
		return EXIT_USAGE;
	}
	rep.extra = buf;
	ret = cli_report_finish(&rep, EXIT_EXPECTED);
	cli_report_free(&rep);
	return ret;
}

static int cmd_variants(int argc, char **argv)
{
	struct cli_report_opts ro = { 0 };
	unsigned i;
	int a;

	for (a = 1; a < argc; a++) {
		int t = cli_report_opt("variants", argc, argv, &a, &ro);

		if (t < 0)
			return EXIT_USAGE;
		if (t > 0)
			continue;
		if (!strcmp(argv[a], "--help") || !strcmp(argv[a], "-h")) {
			fputs(usage_variants, stdout);
			return EXIT_EXPECTED;
		}
		fprintf(stderr, "nvtsim variants: unexpected argument '%s'\n", argv[a]);
		return EXIT_USAGE;
	}
	if (ro.junit || ro.sarif) {
		fprintf(stderr, "nvtsim variants: --junit and --sarif report runs: variants runs nothing\n");
		return EXIT_USAGE;
	}
	if (ro.json)
		return variants_json(&ro);
	if (sim_variant_kernel() >= 0) {
		const struct sim_variant *k = &sim_variants[sim_variant_kernel()];

		printf("%s\n  %s\n", k->id, k->checked);
		return EXIT_EXPECTED;
	}
	printf("%-14s %-18s %-9s %s\n", "commit", "name", "release", "send path");
	for (i = 0; i < sim_nvariants; i++)
		printf("%-14s %-18s %-9s %s\n", sim_variants[i].id,
		       sim_variants[i].name, sim_variants[i].release,
		       sim_variants[i].summary);
	return EXIT_EXPECTED;
}

static const char *const usage_version =
	"usage: nvtsim version (or nvtsim --version)\n"
	"\n"
	"Prints 'nvtsim VERSION (COMMIT)': the version, and git describe of the\n"
	"tree nvtsim was built from ('unknown' when that was not a git checkout,\n"
	"as for a build from a release tarball).\n";

static int cmd_version(int argc, char **argv)
{
	if (argc > 1) {
		if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
			fputs(usage_version, stdout);
			return EXIT_EXPECTED;
		}
		fprintf(stderr, "nvtsim %s: unexpected argument '%s'\n", argv[0], argv[1]);
		return EXIT_USAGE;
	}
	printf("%s\n", cli_version);
	return EXIT_EXPECTED;
}

struct run_opts {
	const char *path;
	const char *variant;
	uint64_t seed;
	uint64_t steps_max;
	bool quiet;
	bool all_variants;
	struct cli_trace trace;
	struct cli_report_opts rep;
	struct cli_report *report;	/* NULL: none asked for */
};

static int parse_run(int argc, char **argv, struct run_opts *o)
{
	int i;

	memset(o, 0, sizeof(*o));
	o->seed = 1;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		int t = cli_trace_opt("run", argc, argv, &i, &o->trace);

		if (t == 0)
			t = cli_report_opt("run", argc, argv, &i, &o->rep);
		if (t < 0)
			return -1;
		if (t > 0)
			continue;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			print_usage_run();
			exit(EXIT_EXPECTED);
		} else if (!strcmp(a, "--variant")) {
			if (++i == argc) {
				fprintf(stderr, "nvtsim run: --variant needs a value\n");
				return -1;
			}
			o->variant = argv[i];
		} else if (!strcmp(a, "--seed")) {
			if (cli_number("run", "--seed", i + 1 < argc ? argv[++i] : NULL,
				       0, UINT64_MAX, &o->seed))
				return -1;
		} else if (!strcmp(a, "--steps-max")) {
			if (cli_number("run", "--steps-max", i + 1 < argc ? argv[++i] : NULL,
				       0, 1000000000, &o->steps_max))
				return -1;
			if (!o->steps_max) {
				fprintf(stderr, "nvtsim run: --steps-max must be at least 1\n");
				return -1;
			}
		} else if (!strcmp(a, "--all-variants")) {
			o->all_variants = true;
		} else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
			o->quiet = true;
		} else if (a[0] == '-') {
			fprintf(stderr, "nvtsim run: unknown option '%s' (see nvtsim run --help)\n", a);
			return -1;
		} else if (o->path) {
			fprintf(stderr, "nvtsim run: one scenario at a time ('%s' and '%s')\n",
				o->path, a);
			return -1;
		} else {
			o->path = a;
		}
	}
	if (!o->path) {
		fprintf(stderr, "nvtsim run: which scenario? (see nvtsim run --help)\n");
		return -1;
	}
	if (o->all_variants && o->variant) {
		fprintf(stderr, "nvtsim run: --variant and --all-variants do not go together\n");
		return -1;
	}
	if (o->all_variants && (o->trace.path || o->trace.pcap)) {
		fprintf(stderr, "nvtsim run: --trace and --pcap record one run: give --variant, not --all-variants\n");
		return -1;
	}
	if (o->rep.json)
		o->quiet = true;	/* stdout holds the JSON document alone */
	return cli_report_open("run", &o->rep);
}

/* The command that reruns this run: "nvtsim run PATH --variant V ..." */
static void replay_command(const struct run_opts *o, const struct sim_scenario *sc,
			   char *buf, size_t len)
{
	char flag[600];
	int n = snprintf(buf, len, "nvtsim run %s %s", o->path,
			 sim_variant_flag(sc->cfg.variant, flag, sizeof(flag)));

	if (!sc->has_schedule && n > 0 && (size_t)n < len)
		n += snprintf(buf + n, len - (size_t)n, " --seed %llu",
			      (unsigned long long)o->seed);
	if (o->steps_max && n > 0 && (size_t)n < len)
		snprintf(buf + n, len - (size_t)n, " --steps-max %llu",
			 (unsigned long long)o->steps_max);
}

static void print_replay(const struct run_opts *o, const struct sim_scenario *sc)
{
	char cmd[1200];

	replay_command(o, sc, cmd, sizeof(cmd));
	printf("replay: %s\n", cmd);
}

#define RUN_REPLAY_BYTES (SIM_TAKEN_MAX * 4 + 4096)

/*
 * The run's JSON result, JUnit testcase and (when not as expected) SARIF
 * failure with its steps. -1: out of memory.
 */
static int report_run(const struct run_opts *o, const struct sim_scenario *sc,
		      const struct sim_world *w, bool ok, bool na, const char *want)
{
	struct cli_report_case c = { 0 };
	struct cli_report_fail x = { 0 };
	const struct sim_variant *v = &sim_variants[sc->cfg.variant];
	char cmd[1200], *replay = malloc(RUN_REPLAY_BYTES), kflag[600] = "";
	char *json = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&json, &len);

	if (!f || !replay) {
		if (f)
			fclose(f);
		free(json);
		free(replay);
		return -1;
	}
	replay_command(o, sc, cmd, sizeof(cmd));
	/* a replay string holds every step: a run past SIM_TAKEN_MAX has none */
	if (w->steps > SIM_TAKEN_MAX ||
	    sim_replay_encode(&sc->cfg, w->taken, (uint32_t)w->steps, replay,
			      RUN_REPLAY_BYTES) < 0)
		replay[0] = 0;
	if (v->path)
		sim_variant_flag(sc->cfg.variant, kflag, sizeof(kflag));
	fputs("{\"name\":", f);
	cli_json_write_str(f, o->path);
	fputs(",\"variant\":", f);
	cli_report_json_variant(f, sc->cfg.variant);
	fputs(",\"config\":", f);
	cli_report_json_config(f, &sc->cfg);
	fprintf(f, ",\"ok\":%s,\"not_applicable\":%s,\"expected\":",
		ok ? "true" : "false", na ? "true" : "false");
	cli_json_write_str(f, want);
	fputs(",\"verdict\":", f);
	cli_report_json_verdict(f, &sc->cfg, &w->verdict);
	fputs(",\"replay\":", f);
	cli_report_json_str(f, replay[0] ? replay : NULL);
	fputs(",\"replay_command\":", f);
	cli_json_write_str(f, cmd);
	fputs(",\"counterexample\":null,\"search\":null,\"failures\":[]}", f);
	if (fclose(f)) {
		free(json);
		free(replay);
		return -1;
	}
	c.json = json;
	c.suite = strdup(o->path);
	c.name = cli_report_fmt("%s (%s)", v->id, v->name);
	c.classname = cli_report_fmt("nvtsim.run.%s", v->id);
	c.ok = ok;
	c.skipped = na;
	if (na)
		c.message = cli_report_fmt("not applicable: %s", w->verdict.line);
	else if (!ok) {
		c.kind = strdup(sim_verdict_names[w->verdict.kind]);
		c.message = cli_report_fmt("expected %s, got %s", want, w->verdict.line);
		c.text = cli_report_fmt("%s\n%sexpected: %s\nreplay: %s\n",
					w->verdict.line, w->verdict.detail, want, cmd);
	}
	if (cli_report_add_case(o->report, &c)) {
		free(replay);
		return -1;
	}
	if (ok || na) {
		free(replay);
		return 0;
	}
	x.kind = strdup(sim_verdict_names[w->verdict.kind]);
	x.message = cli_report_fmt("%s (expected %s)", w->verdict.line, want);
	x.replay = replay[0] ? cli_report_fmt("nvtsim replay '%s'%s%s", replay,
					      kflag[0] ? " " : "", kflag) :
			       strdup(cmd);
	x.where = strdup(o->path);
	x.variant = sc->cfg.variant;
	free(replay);
	if (!x.kind || !x.message || !x.replay || !x.where || cli_report_steps(w, &x)) {
		free(x.kind);
		free(x.message);
		free(x.replay);
		free(x.where);
		free(x.steps);
		return -1;
	}
	return cli_report_add_fail(o->report, &x);
}

/* One run of the scenario on sc->cfg.variant; returns the exit code for it. */
static int run_one(const struct run_opts *o, struct sim_scenario *sc,
		   struct sim_world *w, bool timeline)
{
	struct sim_choice choice;
	struct sim_trace trace = { .out = timeline ? stdout : NULL };
	bool tracing = timeline || o->trace.path || o->trace.pcap;
	const struct sim_variant *v = &sim_variants[sc->cfg.variant];
	const struct sim_expect *e;
	char err[512], want[96], hint[400];
	enum sim_outcome outcome;
	int ret;
	bool ok;

	if (sim_config_check(&sc->cfg, err, sizeof(err))) {
		fprintf(stderr, "%s: %s\n", o->path, err);
		return EXIT_USAGE;
	}
	if (sc->has_schedule)
		sim_choice_first(&choice);
	else
		sim_choice_prng(&choice, o->seed);
	if (cli_trace_open("run", &o->trace, &trace))
		return EXIT_USAGE;
	if (timeline) {
		printf("nvtsim: %s on %s (%s, %s)\n\n", o->path, v->id, v->name,
		       v->release);
		sim_trace_header(stdout);
	}
	sim_world_reset(w, &sc->cfg, &choice, tracing ? &trace : NULL);
	if (sc->has_schedule)
		sim_run_schedule(w, sc->steps, sc->nsteps);
	else
		sim_run(w);
	sim_trace_finish(w);
	w->trace = NULL;
	cli_trace_close(&trace);

	e = sim_scenario_expect(sc, sc->cfg.variant);
	sim_expect_describe(sc, e, want, sizeof(want));
	outcome = sim_scenario_outcome(sc, sc->cfg.variant, &w->verdict);
	ret = outcome == SIM_OUTCOME_OK ? EXIT_EXPECTED :
	      outcome == SIM_OUTCOME_NA ? EXIT_NOT_APPLICABLE : EXIT_UNEXPECTED;
	ok = ret == EXIT_EXPECTED;
	if (o->report && report_run(o, sc, w, ok, ret == EXIT_NOT_APPLICABLE, want)) {
		fprintf(stderr, "nvtsim: out of memory\n");
		return EXIT_USAGE;
	}
	if (o->rep.json)
		return ret;
	if (o->all_variants) {
		printf("%-14s %-4s %-15s expected %-24s %s%s\n", v->id,
		       ret == EXIT_EXPECTED ? "ok" : ret == EXIT_NOT_APPLICABLE ? "n/a" : "FAIL",
		       sim_verdict_names[w->verdict.kind], want,
		       ret == EXIT_NOT_APPLICABLE ? "the schedule does not apply here: " : "",
		       ret == EXIT_EXPECTED ? "" : w->verdict.line);
		return ret;
	}
	printf("%s%s\n", timeline ? "\n" : "", w->verdict.line);
	fputs(w->verdict.detail, stdout);
	if (sim_verdict_hint(w, hint, sizeof(hint)))
		printf("%s\n", hint);
	if (ret == EXIT_NOT_APPLICABLE)
		printf("expected: %s -> not applicable: the schedule does not happen on %s, and no expect line names it (skipped, not passed)\n",
		       want, v->id);
	else
		printf("expected: %s -> %s\n", want,
		       ret == EXIT_EXPECTED ? "as expected" : "NOT as expected");
	print_replay(o, sc);
	return ret;
}

static int cmd_run(int argc, char **argv)
{
	struct run_opts o;
	struct cli_report rep;
	struct sim_scenario *sc;
	struct sim_world *w;
	char err[512], hinted[400] = "";
	unsigned applied = 0, skipped = 0;
	int ret = EXIT_EXPECTED, r;
	unsigned i;

	if (parse_run(argc, argv, &o))
		return EXIT_USAGE;
	sc = malloc(sizeof(*sc));
	if (!sc) {
		fprintf(stderr, "nvtsim: out of memory\n");
		return EXIT_USAGE;
	}
	if (sim_scenario_load(o.path, sc, err, sizeof(err))) {
		fprintf(stderr, "%s\n", err);
		free(sc);
		return EXIT_USAGE;
	}
	r = cli_variant_pick("run", o.variant, o.all_variants);
	if (r == -2) {
		free(sc);
		return EXIT_USAGE;
	}
	if (r >= 0) {
		sc->cfg.variant = r;
	} else if (sc->cfg.variant < 0) {
		sc->cfg.variant = sim_variant_find("mainline");
	}
	if (o.steps_max)
		sc->cfg.steps_max = o.steps_max;
	w = sim_world_new();
	if (!w) {
		fprintf(stderr, "nvtsim: cannot allocate the world\n");
		free(sc);
		return EXIT_USAGE;
	}
	cli_report_init(&rep, "run", o.all_variants ? "all-variants" : "scenario",
			&o.rep);
	if (cli_report_any(&o.rep))
		o.report = &rep;
	if (!o.all_variants) {
		ret = run_one(&o, sc, w, !o.quiet);
	} else {
		if (!o.rep.json)
			printf("%s\n", o.path);
		for (i = 0; i < sim_nvariants && ret != EXIT_USAGE; i++) {
			sc->cfg.variant = (int)i;
			r = run_one(&o, sc, w, false);
			if (r == EXIT_EXPECTED)
				applied++;
			else if (r == EXIT_NOT_APPLICABLE)
				skipped++;
			else
				ret = r;
			if (r == EXIT_UNEXPECTED && !hinted[0])
				sim_verdict_hint(w, hinted, sizeof(hinted));
		}
		/* with --format json, stdout holds the document alone */
		if (hinted[0])
			fprintf(o.rep.json ? stderr : stdout, "%s\n", hinted);
		if (skipped)
			fprintf(o.rep.json ? stderr : stdout,
				"%u variant%s not applicable (the schedule does not happen there): neither passed nor failed\n",
				skipped, skipped == 1 ? "" : "s");
		if (ret == EXIT_EXPECTED && !applied)
			ret = EXIT_NOT_APPLICABLE;
	}
	/* the reports, and --trace and --pcap: all put in place, or none */
	if (ret != EXIT_USAGE)
		ret = cli_report_finish(&rep, ret);
	cli_report_free(&rep);
	sim_world_free(w);
	free(sc);
	return ret;
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : NULL;

	if (!cmd) {
		fputs(usage_main, stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
		fputs(usage_main, stdout);
		return EXIT_EXPECTED;
	}
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "version"))
		return cmd_version(argc - 1, argv + 1);
	if (!strcmp(cmd, "help")) {
		if (argc > 2 && !strcmp(argv[2], "run"))
			print_usage_run();
		else if (argc > 2 && (!strcmp(argv[2], "explore") ||
				      !strcmp(argv[2], "replay")))
			return !strcmp(argv[2], "explore") ?
				cmd_explore(2, (char *[]){ "explore", "--help", NULL }) :
				cmd_replay(2, (char *[]){ "replay", "--help", NULL });
		else if (argc > 2 && !strcmp(argv[2], "merge"))
			return cmd_merge(2, (char *[]){ "merge", "--help", NULL });
		else if (argc > 2 && !strcmp(argv[2], "import-crash"))
			return cmd_import_crash(2, (char *[]){ "import-crash", "--help", NULL });
		else if (argc > 2 && !strcmp(argv[2], "variants"))
			fputs(usage_variants, stdout);
		else if (argc > 2 && !strcmp(argv[2], "version"))
			fputs(usage_version, stdout);
		else if (argc > 2 && strcmp(argv[2], "help")) {
			fprintf(stderr, "nvtsim help: unknown command '%s' (run, explore, merge, replay, import-crash, variants, version)\n",
				argv[2]);
			return EXIT_USAGE;
		} else
			fputs(usage_main, stdout);
		return EXIT_EXPECTED;
	}
	if (strcmp(cmd, "help") && cli_kernel_take(&argc, argv) < 0)
		return EXIT_USAGE;
	if (!strcmp(cmd, "run"))
		return cmd_run(argc - 1, argv + 1);
	if (!strcmp(cmd, "explore"))
		return cmd_explore(argc - 1, argv + 1);
	if (!strcmp(cmd, "replay"))
		return cmd_replay(argc - 1, argv + 1);
	if (!strcmp(cmd, "merge"))
		return cmd_merge(argc - 1, argv + 1);
	if (!strcmp(cmd, "variants"))
		return cmd_variants(argc - 1, argv + 1);
	if (!strcmp(cmd, "import-crash"))
		return cmd_import_crash(argc - 1, argv + 1);
	fprintf(stderr, "nvtsim: unknown command '%s' (see nvtsim --help)\n", cmd);
	return EXIT_USAGE;
}
