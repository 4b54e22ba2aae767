/* Replay strings: exact text, round trips, one-line errors for every malformed field. */
#include "replay.h"
#include "sim_test.h"

#define CHOICES_MAX 1024

#define ENV "sndbuf=16384,mss=1460,maxh2cdata=8192,ioccsz=260,r2t=0,c2h=0,rcvbuf=65536,quota=1000,io_cpu=0"
#define SUBS "sub0@0,sub1@1"
#define REQS "w1=write/8192/sub0/last"
#define GOOD "nvt1:mainline:" ENV ":" SUBS ":" REQS ":100000:a3ebd3"

static struct sim_config cfg;
static uint8_t choices[CHOICES_MAX];
static size_t nchoices;
static char err[512];

static int decode_n(const char *s, size_t len)
{
	err[0] = 0;
	return sim_replay_decode(s, len, &cfg, choices, CHOICES_MAX, &nchoices,
				 err, sizeof(err));
}

static int decode(const char *s)
{
	return decode_n(s, strlen(s));
}

static void expect_error_n(const char *s, size_t len, const char *want_prefix)
{
	cfg.variant = 12345;	/* a failed decode leaves cfg alone */
	nchoices = 99;
	if (decode_n(s, len) != -1)
		fail_msg("decoded \"%s\", expected \"%s\"", s, want_prefix);
	if (strncmp(err, want_prefix, strlen(want_prefix)))
		fail_msg("error \"%s\" does not start with \"%s\"", err, want_prefix);
	assert_null(strchr(err, '\n'));
	assert_int_equal(cfg.variant, 12345);
	assert_int_equal(nchoices, 0);
}

static void expect_error(const char *s, const char *want_prefix)
{
	expect_error_n(s, strlen(s), want_prefix);
}

static void assert_config_equal(const struct sim_config *a,
				const struct sim_config *b)
{
	unsigned i;

	assert_int_equal(a->variant, b->variant);
	assert_int_equal(a->policy, b->policy);
	assert_int_equal(a->env.sndbuf_bytes, b->env.sndbuf_bytes);
	assert_int_equal(a->env.mss_bytes, b->env.mss_bytes);
	assert_int_equal(a->env.maxh2cdata_bytes, b->env.maxh2cdata_bytes);
	assert_int_equal(a->env.ioccsz, b->env.ioccsz);
	assert_int_equal(a->env.r2t_bytes, b->env.r2t_bytes);
	assert_int_equal(a->env.c2h_bytes, b->env.c2h_bytes);
	assert_int_equal(a->env.rcvbuf_bytes, b->env.rcvbuf_bytes);
	assert_int_equal(a->env.quota_steps, b->env.quota_steps);
	assert_int_equal(a->env.io_cpu, b->env.io_cpu);
	assert_int_equal(a->nsubs, b->nsubs);
	for (i = 0; i < a->nsubs; i++) {
		assert_string_equal(a->subs[i].name, b->subs[i].name);
		assert_int_equal(a->subs[i].cpu, b->subs[i].cpu);
	}
	assert_int_equal(a->nreqs, b->nreqs);
	for (i = 0; i < a->nreqs; i++) {
		assert_string_equal(a->reqs[i].name, b->reqs[i].name);
		assert_int_equal(a->reqs[i].op, b->reqs[i].op);
		assert_int_equal(a->reqs[i].len_bytes, b->reqs[i].len_bytes);
		assert_int_equal(a->reqs[i].last, b->reqs[i].last);
		assert_int_equal(a->reqs[i].commit_after, b->reqs[i].commit_after);
		assert_int_equal(a->reqs[i].submitter, b->reqs[i].submitter);
	}
	assert_int_equal(a->steps_max, b->steps_max);
}

static void add_req(struct sim_config *c, const char *name, uint8_t op,
		    uint32_t len_bytes, uint8_t sub, bool last, bool commit)
{
	struct sim_req_spec *r = &c->reqs[c->nreqs++];

	memset(r, 0, sizeof(*r));
	snprintf(r->name, SIM_NAME_BYTES, "%s", name);
	r->op = op;
	r->len_bytes = len_bytes;
	r->submitter = sub;
	r->last = last;
	r->commit_after = commit;
}

/* Two submitters, every operation, last=0 and commit, nothing at its default. */
static void rich_config(struct sim_config *c)
{
	sim_config_default(c);
	c->variant = sim_variant_find("5c11f7d9f843");
	c->env.sndbuf_bytes = 8192;
	c->env.mss_bytes = 536;
	c->env.maxh2cdata_bytes = 4096;
	c->env.ioccsz = 4;
	c->env.r2t_bytes = 2048;
	c->env.c2h_bytes = 1024;
	c->env.rcvbuf_bytes = 12000;
	c->env.quota_steps = 7;
	c->env.io_cpu = 1;
	c->nsubs = 2;
	snprintf(c->subs[0].name, SIM_NAME_BYTES, "qa");
	c->subs[0].cpu = 1;
	snprintf(c->subs[1].name, SIM_NAME_BYTES, "queue_B-2");
	c->subs[1].cpu = 7;
	add_req(c, "w1", SIM_RQ_WRITE, 16384, 1, false, false);
	add_req(c, "r1", SIM_RQ_READ, 4096, 0, true, false);
	add_req(c, "f1", SIM_RQ_FLUSH, 0, 0, true, true);
	add_req(c, "w2", SIM_RQ_WRITE, 512, 1, false, true);
	c->steps_max = 123456789;
}

static uint64_t rng_next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* Runs of 1 to 300 of each id below nctx: single letters, short and long counts. */
static size_t make_choices(uint8_t *out, size_t max, unsigned nctx, uint64_t seed)
{
	uint64_t s = seed;
	size_t n = 0;

	while (n < max) {
		uint8_t id = (uint8_t)(rng_next(&s) % nctx);
		size_t run = rng_next(&s) % 4 ? 1 + rng_next(&s) % 3 :
			1 + rng_next(&s) % 300;

		while (run-- && n < max)
			out[n++] = id;
	}
	return n;
}

static void test_encode_writes_exact_text(void **state)
{
	static const uint8_t ch[] = { 0, 0, 0, 4, 1, 3, 3, 3 };
	struct sim_config c;
	char out[512];
	int n;

	(void)state;
	sim_fixture_config(&c, "mainline");
	n = sim_replay_encode(&c, ch, sizeof(ch), out, sizeof(out));
	assert_string_equal(out,
		"nvt1:mainline:sndbuf=16384,mss=1460,maxh2cdata=8192,ioccsz=260,"
		"r2t=0,c2h=0,rcvbuf=65536,quota=1000,io_cpu=0:sub0@0:"
		"w1=write/8192/sub0/last:100000:a3ebd3");
	assert_int_equal(n, (int)strlen(out));
}

static void test_encode_writes_flags_ops_and_no_choices(void **state)
{
	struct sim_config c;
	char out[512];

	(void)state;
	rich_config(&c);
	assert_true(sim_replay_encode(&c, NULL, 0, out, sizeof(out)) > 0);
	assert_string_equal(out,
		"nvt1:5c11f7d9f843:sndbuf=8192,mss=536,maxh2cdata=4096,ioccsz=4,"
		"r2t=2048,c2h=1024,rcvbuf=12000,quota=7,io_cpu=1:qa@1,queue_B-2@7:"
		"w1=write/16384/queue_B-2,r1=read/4096/qa/last,"
		"f1=flush/0/qa/last/commit,w2=write/512/queue_B-2/commit:123456789:");
}

static void test_encode_fails_when_buffer_is_short(void **state)
{
	static const uint8_t ch[] = { 0, 0, 1 };
	struct sim_config c;
	char out[512];
	int n;

	(void)state;
	sim_fixture_config(&c, "mainline");
	n = sim_replay_encode(&c, ch, sizeof(ch), out, sizeof(out));
	assert_true(n > 0);
	assert_int_equal(sim_replay_encode(&c, ch, sizeof(ch), out, (size_t)n + 1), n);
	assert_int_equal(sim_replay_encode(&c, ch, sizeof(ch), out, (size_t)n), -1);
	assert_string_equal(out, "");
	assert_int_equal(sim_replay_encode(&c, ch, sizeof(ch), out, 10), -1);
	assert_int_equal(sim_replay_encode(&c, ch, sizeof(ch), NULL, 0), -1);
}

static void test_encode_refuses_what_decode_would_reject(void **state)
{
	static const uint8_t ctrl[] = { 4 };	/* ctrl with one submitter */
	static const uint8_t past[] = { 5 };
	struct sim_config c;
	char out[512];

	(void)state;
	sim_fixture_config(&c, "mainline");
	assert_true(sim_replay_encode(&c, ctrl, 1, out, sizeof(out)) > 0);
	assert_int_equal(sim_replay_encode(&c, past, 1, out, sizeof(out)), -1);
	c.variant = -1;
	assert_int_equal(sim_replay_encode(&c, NULL, 0, out, sizeof(out)), -1);
	sim_fixture_config(&c, "mainline");
	snprintf(c.subs[0].name, SIM_NAME_BYTES, "a:b");
	assert_int_equal(sim_replay_encode(&c, NULL, 0, out, sizeof(out)), -1);
	sim_fixture_config(&c, "mainline");
	snprintf(c.subs[0].name, SIM_NAME_BYTES, "net_tx");
	assert_int_equal(sim_replay_encode(&c, NULL, 0, out, sizeof(out)), -1);
	sim_fixture_config(&c, "mainline");
	add_req(&c, "w1", SIM_RQ_READ, 4096, 0, true, false);
	assert_int_equal(sim_replay_encode(&c, NULL, 0, out, sizeof(out)), -1);
}

static void test_prio_policy_rides_in_the_env_field(void **state)
{
	static char out[4096];
	struct sim_config c, back;
	uint8_t ch[4];
	size_t n;
	char err[256];

	(void)state;
	sim_fixture_config(&c, "mainline");
	c.policy = SIM_POLICY_PRIO;
	assert_true(sim_replay_encode(&c, NULL, 0, out, sizeof(out)) > 0);
	assert_non_null(strstr(out, ",io_cpu=0,policy=prio:"));
	assert_int_equal(sim_replay_decode(out, strlen(out), &back, ch, 4, &n, err,
					   sizeof(err)), 0);
	assert_int_equal(back.policy, SIM_POLICY_PRIO);
	c.policy = SIM_POLICY_FAIR;
	assert_true(sim_replay_encode(&c, NULL, 0, out, sizeof(out)) > 0);
	assert_null(strstr(out, "policy"));
	assert_int_equal(sim_replay_decode(out, strlen(out), &back, ch, 4, &n, err,
					   sizeof(err)), 0);
	assert_int_equal(back.policy, SIM_POLICY_FAIR);
}

static void test_roundtrip_keeps_rich_config_and_long_runs(void **state)
{
	static uint8_t want[600];
	static char out[8192], again[8192];
	struct sim_config c;
	size_t n, i;
	int len;

	(void)state;
	rich_config(&c);
	n = make_choices(want, sizeof(want), c.nsubs + 4, 42);
	len = sim_replay_encode(&c, want, n, out, sizeof(out));
	assert_true(len > 0);
	assert_int_equal(decode_n(out, (size_t)len), 0);
	assert_config_equal(&cfg, &c);
	assert_int_equal(nchoices, n);
	for (i = 0; i < n; i++)
		assert_int_equal(choices[i], want[i]);
	/* the string is canonical: decoding and encoding again gives it back */
	assert_int_equal(sim_replay_encode(&cfg, choices, nchoices, again,
					   sizeof(again)), len);
	assert_string_equal(again, out);
	/* long runs really were run-length encoded */
	assert_true((size_t)len < strlen("nvt1:") + 400 + n / 2);
}

static void test_decode_reads_every_field(void **state)
{
	static const uint8_t want[] = { 0, 0, 0, 4, 1, 3, 3, 3 };

	(void)state;
	assert_int_equal(decode(GOOD), 0);
	assert_int_equal(cfg.variant, sim_variant_find("mainline"));
	assert_int_equal(cfg.env.sndbuf_bytes, 16384);
	assert_int_equal(cfg.env.ioccsz, 260);
	assert_int_equal(cfg.nsubs, 2);
	assert_string_equal(cfg.subs[1].name, "sub1");
	assert_int_equal(cfg.subs[1].cpu, 1);
	assert_int_equal(cfg.nreqs, 1);
	assert_int_equal(cfg.reqs[0].op, SIM_RQ_WRITE);
	assert_true(cfg.reqs[0].last);
	assert_false(cfg.reqs[0].commit_after);
	assert_int_equal(cfg.steps_max, 100000);
	assert_int_equal(nchoices, sizeof(want));
	assert_memory_equal(choices, want, sizeof(want));
}

static void test_decode_accepts_spellings_order_and_trailing_space(void **state)
{
	int v = sim_variant_find("5c11f7d9f843");

	(void)state;
	assert_int_equal(decode(GOOD "\n"), 0);
	assert_int_equal(decode(GOOD " \t\r\n"), 0);
	assert_int_equal(nchoices, 8);
	assert_int_equal(decode("nvt1:5c11f7d:" ENV ":" SUBS ":" REQS ":1:"), 0);
	assert_int_equal(cfg.variant, v);
	assert_int_equal(nchoices, 0);
	assert_int_equal(decode("nvt1:send-all:" ENV ":" SUBS ":" REQS ":1:"), 0);
	assert_int_equal(cfg.variant, v);
	assert_int_equal(decode("nvt1:mainline:io_cpu=3,quota=1,rcvbuf=2304,c2h=4294967295,"
				"r2t=1,ioccsz=4,maxh2cdata=4096,mss=1,sndbuf=4608:"
				"s@0,t@1,u@2,v@3:f=flush/0/v/commit:"
				"18446744073709551615:h1024"), 0);
	assert_int_equal(cfg.env.io_cpu, 3);
	assert_int_equal(cfg.env.c2h_bytes, UINT32_MAX);
	assert_int_equal(cfg.steps_max, UINT64_MAX);
	assert_int_equal(cfg.reqs[0].submitter, 3);
	assert_false(cfg.reqs[0].last);
	assert_true(cfg.reqs[0].commit_after);
	assert_int_equal(nchoices, CHOICES_MAX);
	assert_int_equal(choices[CHOICES_MAX - 1], 7);
}

static void test_decode_rejects_bad_structure(void **state)
{
	(void)state;
	expect_error("", "replay string: empty");
	expect_error(" \n", "replay string: empty");
	expect_error("hello", "replay string: field tag: expected 'nvt1', got 'hello'");
	expect_error("nvt2:mainline", "replay string: field tag: expected 'nvt1', got 'nvt2'");
	expect_error("NVT1" GOOD, "replay string: field tag: expected 'nvt1', got 'NVT1nvt1'");
	expect_error("nvt1", "replay string: truncated: 1 of 7 ':'-separated fields");
	expect_error("nvt1:mainline:" ENV ":" SUBS ":" REQS,
		     "replay string: truncated: 5 of 7 ':'-separated fields");
	expect_error("nvt1:mainline:" ENV ":" SUBS ":" REQS ":100",
		     "replay string: truncated: 6 of 7 ':'-separated fields");
	expect_error(GOOD ":", "replay string: 8 ':'-separated fields, expected 7");
	expect_error(GOOD "::::", "replay string: 11 ':'-separated fields, expected 7");
}

static void test_decode_rejects_bad_variant(void **state)
{
	(void)state;
	expect_error("nvt1:nosuch:" ENV ":" SUBS ":" REQS ":1:",
		     "replay string: field variant: unknown variant 'nosuch' (see: nvtsim variants)");
	expect_error("nvt1::" ENV ":" SUBS ":" REQS ":1:",
		     "replay string: field variant: unknown variant ''");
	expect_error("nvt1:5c11:" ENV ":" SUBS ":" REQS ":1:",
		     "replay string: field variant: unknown variant '5c11'");
	expect_error("nvt1:mainlinemainlinemainlinemainlinemainlinemainlinemainlinemainline:"
		     ENV ":" SUBS ":" REQS ":1:",
		     "replay string: field variant: unknown variant 'mainlinemainlinemainline...'");
}

static void test_decode_rejects_bad_env(void **state)
{
#define ENV_CASE(env, want) \
	expect_error("nvt1:mainline:" env ":" SUBS ":" REQS ":1:", want)
	(void)state;
	ENV_CASE("sndbufx=1," ENV, "replay string: field env: unknown key 'sndbufx'");
	ENV_CASE("sndbuf_bytes=1," ENV, "replay string: field env: unknown key 'sndbuf_bytes'");
	ENV_CASE(ENV ",mss=1460", "replay string: field env: key 'mss' given twice");
	ENV_CASE("sndbuf=16384,mss=1460,maxh2cdata=8192,ioccsz=260,r2t=0,c2h=0,rcvbuf=65536,io_cpu=0",
		 "replay string: field env: missing key 'quota'");
	ENV_CASE("", "replay string: field env: missing key 'sndbuf'");
	ENV_CASE(ENV ",", "replay string: field env: expected key=value, got ''");
	ENV_CASE("mss," ENV, "replay string: field env: expected key=value, got 'mss'");
	ENV_CASE("mss=," ENV, "replay string: field env: mss: missing number");
	ENV_CASE("mss=0x10," ENV, "replay string: field env: mss: '0x10' is not a number");
	ENV_CASE("mss=-1," ENV, "replay string: field env: mss: '-1' is not a number");
	ENV_CASE("mss=+1," ENV, "replay string: field env: mss: '+1' is not a number");
	ENV_CASE("mss=1k," ENV, "replay string: field env: mss: '1k' is not a number");
	ENV_CASE("mss=01460," ENV, "replay string: field env: mss: '01460' has a leading zero");
	ENV_CASE("sndbuf=4294967296," ENV,
		 "replay string: field env: sndbuf: 4294967296 is out of range (at most 4294967295)");
	ENV_CASE("r2t=99999999999999999999999," ENV,
		 "replay string: field env: r2t: 99999999999999999999999 is out of range");
	ENV_CASE("mss=0," ENV, "replay string: field env: mss=0 out of range 1..9000");
	ENV_CASE("mss=9001," ENV, "replay string: field env: mss=9001 out of range 1..9000");
	ENV_CASE("maxh2cdata=4098," ENV,
		 "replay string: field env: maxh2cdata=4098: must be a multiple of 4");
	ENV_CASE("ioccsz=3," ENV, "replay string: field env: ioccsz=3 out of range 4..4100");
	ENV_CASE("io_cpu=8," ENV, "replay string: field env: io_cpu=8 out of range 0..7");
#undef ENV_CASE
}

/*
 * quota=0 is free time: a sixth fixed context, tick, after the other four
 * (one submitter here: sub0 a, kworker b, net_tx c, net_rx d, ctrl e,
 * tick f). With a quota, f is no context.
 */
static void test_free_time_adds_the_tick_context(void **state)
{
#define FREE "sndbuf=16384,mss=1460,maxh2cdata=8192,ioccsz=260,r2t=0,c2h=0,rcvbuf=65536,quota=0,io_cpu=0"
	static const uint8_t want[] = { 0, 1, 5, 1 };
	char out[512];
	size_t i;

	(void)state;
	assert_int_equal(decode("nvt1:mainline:" FREE ":sub0@0:" REQS ":1000:abfb"), 0);
	assert_int_equal(cfg.env.quota_steps, 0);
	assert_int_equal(sim_config_nctx(&cfg), 6);
	assert_int_equal(sim_config_ctx_id(&cfg, "tick"), 5);
	assert_int_equal(nchoices, sizeof(want));
	for (i = 0; i < sizeof(want); i++)
		assert_int_equal(choices[i], want[i]);
	assert_true(sim_replay_encode(&cfg, choices, nchoices, out, sizeof(out)) > 0);
	assert_string_equal(out, "nvt1:mainline:" FREE ":sub0@0:" REQS ":1000:abfb");
	expect_error("nvt1:mainline:" ENV ":sub0@0:" REQS ":1000:abfb",
		     "replay string: field choices: 'f' at offset 2 is not a context (a..e for this config)");
#undef FREE
}

static void test_decode_rejects_bad_submitters(void **state)
{
#define SUBS_CASE(subs, want) \
	expect_error("nvt1:mainline:" ENV ":" subs ":" REQS ":1:", want)
	(void)state;
	SUBS_CASE("", "replay string: field subs: no submitters (1..4 allowed)");
	SUBS_CASE("sub0", "replay string: field subs: expected NAME@CPU, got 'sub0'");
	SUBS_CASE("sub0@0,", "replay string: field subs: expected NAME@CPU, got ''");
	SUBS_CASE("sub0@0,kworker@1",
		  "replay string: field subs: submitter 'kworker' is already a context name");
	SUBS_CASE("ctrl@1", "replay string: field subs: submitter 'ctrl' is already a context name");
	SUBS_CASE("sub0@0,tick@1", "replay string: field subs: submitter 'tick' is already a context name");
	SUBS_CASE("sub0@0,sub0@1", "replay string: field subs: submitter 'sub0' given twice");
	SUBS_CASE("a.b@0", "replay string: field subs: submitter name 'a.b': use letters, digits, '_' and '-'");
	SUBS_CASE("@0", "replay string: field subs: submitter name '' must be 1..15 characters");
	SUBS_CASE("sub0abcdefghijkl@0",
		  "replay string: field subs: submitter name 'sub0abcdefghijkl' must be 1..15 characters");
	SUBS_CASE("sub0@8", "replay string: field subs: submitter sub0: cpu 8 out of range 0..7");
	SUBS_CASE("sub0@x", "replay string: field subs: cpu: 'x' is not a number");
	SUBS_CASE("sub0@", "replay string: field subs: cpu: missing number");
	SUBS_CASE("sub0@0@1", "replay string: field subs: cpu: '0@1' is not a number");
	SUBS_CASE("sub0@99999999999", "replay string: field subs: cpu: 99999999999 is out of range");
	SUBS_CASE("sub0@0,s1@0,s2@0,s3@0,s4@0", "replay string: field subs: more than 4 submitters");
#undef SUBS_CASE
}

static void test_decode_rejects_bad_requests(void **state)
{
	static char many[2048];
	size_t n = 0;
	int i;

#define REQS_CASE(reqs, want) \
	expect_error("nvt1:mainline:" ENV ":" SUBS ":" reqs ":1:", want)
	(void)state;
	REQS_CASE("", "replay string: field reqs: no requests: the workload is empty");
	REQS_CASE("w1", "replay string: field reqs: expected NAME=OP/LEN/SUBMITTER[/last][/commit], got 'w1'");
	REQS_CASE(REQS ",", "replay string: field reqs: expected NAME=OP/LEN/SUBMITTER[/last][/commit], got ''");
	REQS_CASE("w.1=write/8192/sub0", "replay string: field reqs: request name 'w.1': use letters");
	REQS_CASE("=write/8192/sub0", "replay string: field reqs: request name '' must be 1..15 characters");
	REQS_CASE(REQS "," REQS, "replay string: field reqs: request 'w1' given twice");
	REQS_CASE("w1=write/8192", "replay string: field reqs: request w1: expected OP/LEN/SUBMITTER[/last][/commit], got 'write/8192'");
	REQS_CASE("w1=", "replay string: field reqs: request w1: expected OP/LEN/SUBMITTER");
	REQS_CASE("w1=erase/8192/sub0", "replay string: field reqs: request w1: unknown operation 'erase' (write, read or flush)");
	REQS_CASE("w1=Write/8192/sub0", "replay string: field reqs: request w1: unknown operation 'Write'");
	REQS_CASE("w1=write/1000/sub0", "replay string: field reqs: request w1: length 1000 must be a multiple of 512 from 512 to 65536");
	REQS_CASE("w1=write/0/sub0", "replay string: field reqs: request w1: length 0 must be a multiple of 512");
	REQS_CASE("r1=read/66048/sub0", "replay string: field reqs: request r1: length 66048 must be a multiple of 512");
	REQS_CASE("w1=write/8k/sub0", "replay string: field reqs: request w1: length: '8k' is not a number");
	REQS_CASE("w1=write/08192/sub0", "replay string: field reqs: request w1: length: '08192' has a leading zero");
	REQS_CASE("w1=write/99999999999/sub0", "replay string: field reqs: request w1: length: 99999999999 is out of range");
	REQS_CASE("f1=flush/512/sub0", "replay string: field reqs: request f1: a flush carries no data (length 0)");
	REQS_CASE("f1=flush//sub0", "replay string: field reqs: request f1: length: missing number");
	REQS_CASE("w1=write/8192/nobody", "replay string: field reqs: request w1: no submitter 'nobody'");
	REQS_CASE("w1=write/8192/kworker", "replay string: field reqs: request w1: no submitter 'kworker'");
	REQS_CASE("w1=write/8192/sub0/", "replay string: field reqs: request w1: unexpected '/' (only /last, then /commit, may follow the submitter)");
	REQS_CASE("w1=write/8192/sub0/commit/last", "replay string: field reqs: request w1: unexpected '/last'");
	REQS_CASE("w1=write/8192/sub0/last/last", "replay string: field reqs: request w1: unexpected '/last'");
	REQS_CASE("w1=write/8192/sub0/last=0", "replay string: field reqs: request w1: unexpected '/last=0'");
#undef REQS_CASE
	n += (size_t)snprintf(many, sizeof(many), "nvt1:mainline:" ENV ":" SUBS ":");
	for (i = 0; i <= SIM_REQS_MAX; i++)
		n += (size_t)snprintf(many + n, sizeof(many) - n, "%sr%d=read/512/sub1",
				      i ? "," : "", i);
	snprintf(many + n, sizeof(many) - n, ":1:");
	expect_error(many, "replay string: field reqs: more than 16 requests");
}

static void test_decode_rejects_bad_steps_max(void **state)
{
#define STEPS_CASE(steps, want) \
	expect_error("nvt1:mainline:" ENV ":" SUBS ":" REQS ":" steps ":", want)
	(void)state;
	STEPS_CASE("0", "replay string: field steps_max: must be at least 1");
	STEPS_CASE("", "replay string: field steps_max: missing number");
	STEPS_CASE("1e6", "replay string: field steps_max: '1e6' is not a number");
	STEPS_CASE("007", "replay string: field steps_max: '007' has a leading zero");
	STEPS_CASE("18446744073709551616",
		   "replay string: field steps_max: 18446744073709551616 is out of range (at most 18446744073709551615)");
#undef STEPS_CASE
}

static void test_decode_rejects_bad_choices(void **state)
{
#define CH_CASE(ch, want) \
	expect_error("nvt1:mainline:" ENV ":" SUBS ":" REQS ":1:" ch, want)
	(void)state;
	CH_CASE("abcz", "replay string: field choices: 'z' at offset 3 is not a context (a..f for this config)");
	CH_CASE("a2g", "replay string: field choices: 'g' at offset 2 is not a context (a..f for this config)");
	CH_CASE("h", "replay string: field choices: 'h' at offset 0 is not a context (a..f for this config)");
	CH_CASE("A", "replay string: field choices: 'A' at offset 0 is not a context");
	CH_CASE("a-", "replay string: field choices: '-' at offset 1 is not a context");
	CH_CASE("3a", "replay string: field choices: '3' at offset 0: a repeat count follows a context letter");
	CH_CASE("a0", "replay string: field choices: repeat count 0 at offset 1: counts start at 2 (a letter alone is one)");
	CH_CASE("ba1", "replay string: field choices: repeat count 1 at offset 2: counts start at 2");
	CH_CASE("a05", "replay string: field choices: repeat count '05' at offset 1 has a leading zero");
	CH_CASE("a00", "replay string: field choices: repeat count '00' at offset 1 has a leading zero");
	CH_CASE("a1025", "replay string: field choices: more than 1024 choices");
	CH_CASE("a1024b", "replay string: field choices: more than 1024 choices");
	CH_CASE("a512b512c", "replay string: field choices: more than 1024 choices");
	CH_CASE("a99999999999999999999999999999", "replay string: field choices: more than 1024 choices");
	CH_CASE("a18446744073709551615", "replay string: field choices: more than 1024 choices");
#undef CH_CASE
	/* the letters allowed follow the config: one submitter stops at 'e' */
	expect_error("nvt1:mainline:" ENV ":sub0@0:" REQS ":1:abcdef",
		     "replay string: field choices: 'f' at offset 5 is not a context (a..e for this config)");
}

static void test_decode_bounds_choices_by_caller_buffer(void **state)
{
	static const char s[] = "nvt1:mainline:" ENV ":" SUBS ":" REQS ":1:a2b";
	uint8_t small[4];
	size_t n = 99;

	(void)state;
	assert_int_equal(sim_replay_decode(s, strlen(s), &cfg, small, 3, &n, err,
					   sizeof(err)), 0);
	assert_int_equal(n, 3);
	assert_int_equal(sim_replay_decode(s, strlen(s), &cfg, small, 2, &n, err,
					   sizeof(err)), -1);
	assert_string_equal(err, "replay string: field choices: more than 2 choices");
	assert_int_equal(n, 0);
	assert_int_equal(sim_replay_decode(s, strlen(s), &cfg, NULL, 0, &n, err,
					   sizeof(err)), -1);
	assert_string_equal(err, "replay string: field choices: more than 0 choices");
	/* a tiny or absent err buffer is never overrun */
	assert_int_equal(sim_replay_decode(s, strlen(s), &cfg, NULL, 0, &n, err, 8), -1);
	assert_string_equal(err, "replay ");
	assert_int_equal(sim_replay_decode(s, strlen(s), &cfg, NULL, 0, &n, NULL, 0), -1);
}

static void test_decode_rejects_non_ascii_and_nul(void **state)
{
	static const char nul[] = "nvt1:main\0line:" ENV ":" SUBS ":" REQS ":1:";
	static const char tail_nul[] = GOOD "\0";
	char buf[sizeof(GOOD)];

	(void)state;
	expect_error_n(nul, sizeof(nul) - 1,
		       "replay string: byte 0x00 at offset 9 (a replay string is printable ASCII, no spaces)");
	expect_error_n(tail_nul, sizeof(tail_nul) - 1, "replay string: byte 0x00 at offset");
	memcpy(buf, GOOD, sizeof(buf));
	buf[20] = (char)0xc3;
	expect_error_n(buf, sizeof(buf) - 1, "replay string: byte 0xc3 at offset 20");
	buf[20] = 0x7f;
	expect_error_n(buf, sizeof(buf) - 1, "replay string: byte 0x7f at offset 20");
	expect_error(" " GOOD, "replay string: byte 0x20 at offset 0");
	expect_error("nvt1:mainline:" ENV ":sub0@0, sub1@1:" REQS ":1:",
		     "replay string: byte 0x20 at offset");
	expect_error("nvt1:mainline:" ENV ":" SUBS ":" REQS ":1:a\nb",
		     "replay string: byte 0x0a at offset");
}

/* Decode takes any bytes: fuzz-like mutations must decode or fail with one line. */
static void test_decode_survives_single_byte_mutations(void **state)
{
	static const char alphabet[] = ":,=/@0123456789abcdefgh-_ \n\xff";
	static char base[4096], again[4096];
	static uint8_t want[60];
	struct sim_config c, back;
	uint64_t s = 7;
	size_t base_len, n, ok = 0;
	int i, len;

	(void)state;
	rich_config(&c);
	n = make_choices(want, sizeof(want), c.nsubs + 4, 9);
	len = sim_replay_encode(&c, want, n, base, sizeof(base));
	assert_true(len > 0);
	base_len = (size_t)len;
	for (i = 0; i < 2000; i++) {
		/* exactly len bytes on the heap: ASan catches any read past the end */
		char *m = malloc(base_len + 1);
		size_t pos = rng_next(&s) % base_len, mlen = base_len;
		uint64_t how = rng_next(&s) % 4;

		assert_non_null(m);
		memcpy(m, base, base_len);
		if (how == 0) {
			m[pos] = (char)(rng_next(&s) & 0xff);
		} else if (how == 1) {
			m[pos] = alphabet[rng_next(&s) % (sizeof(alphabet) - 1)];
		} else if (how == 2) {
			memmove(m + pos, m + pos + 1, base_len - pos - 1);
			mlen--;
		} else {
			memmove(m + pos + 1, m + pos, base_len - pos);
			m[pos] = alphabet[rng_next(&s) % (sizeof(alphabet) - 1)];
			mlen++;
		}
		err[0] = 0;
		if (decode_n(m, mlen) == 0) {
			/* whatever it took must be a replayable world */
			ok++;
			len = sim_replay_encode(&cfg, choices, nchoices, again,
						sizeof(again));
			assert_true(len > 0);
			back = cfg;
			assert_int_equal(decode_n(again, (size_t)len), 0);
			assert_config_equal(&cfg, &back);
		} else {
			if (strncmp(err, "replay string: ", 15))
				fail_msg("mutation %d: error \"%s\"", i, err);
			assert_null(strchr(err, '\n'));
		}
		free(m);
	}
	/* some mutations keep the string valid (a digit for a digit): both paths ran */
	assert_true(ok > 0 && ok < 2000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encode_writes_exact_text),
		cmocka_unit_test(test_encode_writes_flags_ops_and_no_choices),
		cmocka_unit_test(test_encode_fails_when_buffer_is_short),
		cmocka_unit_test(test_encode_refuses_what_decode_would_reject),
		cmocka_unit_test(test_roundtrip_keeps_rich_config_and_long_runs),
		cmocka_unit_test(test_prio_policy_rides_in_the_env_field),
		cmocka_unit_test(test_decode_reads_every_field),
		cmocka_unit_test(test_decode_accepts_spellings_order_and_trailing_space),
		cmocka_unit_test(test_decode_rejects_bad_structure),
		cmocka_unit_test(test_decode_rejects_bad_variant),
		cmocka_unit_test(test_decode_rejects_bad_env),
		cmocka_unit_test(test_free_time_adds_the_tick_context),
		cmocka_unit_test(test_decode_rejects_bad_submitters),
		cmocka_unit_test(test_decode_rejects_bad_requests),
		cmocka_unit_test(test_decode_rejects_bad_steps_max),
		cmocka_unit_test(test_decode_rejects_bad_choices),
		cmocka_unit_test(test_decode_bounds_choices_by_caller_buffer),
		cmocka_unit_test(test_decode_rejects_non_ascii_and_nul),
		cmocka_unit_test(test_decode_survives_single_byte_mutations),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
