/*
 * libFuzzer target for everything nvtsim parses from outside: byte 0 picks
 * the parser (scenario file, replay string, PDU stream), the rest is its
 * input. Each must give a result or a one-line error, never a crash; a
 * result must also survive a round trip through its encoder.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdu.h"
#include "replay.h"
#include "scenario.h"

#define FUZZ_ERR_BYTES 512

enum { FUZZ_SCENARIO, FUZZ_REPLAY, FUZZ_PDU, FUZZ_PARSERS };

static void fuzz_fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_inputs: %s: %s\n", what, detail);
	abort();
}

/* An error must be there, printable and on one line. */
static void fuzz_check_error(const char *what, const char *err)
{
	const char *p;

	if (!err[0])
		fuzz_fail(what, "failed with an empty error");
	for (p = err; *p; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7e)
			fuzz_fail(what, err);
}

static void fuzz_scenario(const uint8_t *data, size_t size)
{
	static struct sim_scenario sc;
	char err[FUZZ_ERR_BYTES] = "";

	if (sim_scenario_parse("fuzz.nvt", (const char *)data, size, &sc, err,
			       sizeof(err))) {
		fuzz_check_error("scenario", err);
		if (strncmp(err, "fuzz.nvt:", 9))
			fuzz_fail("scenario error without file name", err);
	}
}

static void fuzz_replay(const uint8_t *data, size_t size)
{
	static struct sim_config cfg, cfg2;
	static uint8_t choices[SIM_TAKEN_MAX], choices2[SIM_TAKEN_MAX];
	static char s1[SIM_TAKEN_MAX * 2], s2[SIM_TAKEN_MAX * 2];
	char err[FUZZ_ERR_BYTES] = "";
	size_t n, n2;
	int l1, l2;

	if (sim_replay_decode((const char *)data, size, &cfg, choices,
			      SIM_TAKEN_MAX, &n, err, sizeof(err))) {
		fuzz_check_error("replay", err);
		return;
	}
	/* what decodes must encode, and that must decode to the same run */
	l1 = sim_replay_encode(&cfg, choices, n, s1, sizeof(s1));
	if (l1 < 0)
		fuzz_fail("replay", "a decoded string does not encode");
	if (sim_replay_decode(s1, (size_t)l1, &cfg2, choices2, SIM_TAKEN_MAX, &n2,
			      err, sizeof(err)))
		fuzz_fail("replay: its own encoding does not decode", err);
	l2 = sim_replay_encode(&cfg2, choices2, n2, s2, sizeof(s2));
	if (l2 != l1 || memcmp(s1, s2, (size_t)l1))
		fuzz_fail("replay", "encode(decode(encode(x))) differs from encode(x)");
}

/* A receiver's loop: decode headers along the stream until one is short or bad. */
static void fuzz_pdu(const uint8_t *data, size_t size)
{
	uint8_t hdr[256];
	char err[FUZZ_ERR_BYTES], d1[160], d2[160];
	struct sim_pdu p, q;
	size_t off = 0;

	while (off < size) {
		enum sim_pdu_status st = sim_pdu_decode(data + off, size - off, &p,
							err, sizeof(err));

		if (st == SIM_PDU_SHORT)
			return;
		if (st == SIM_PDU_BAD) {
			fuzz_check_error("pdu", err);
			return;
		}
		if (st != SIM_PDU_OK)
			fuzz_fail("pdu", "unknown status");
		if (sim_pdu_encode(&p, hdr) != p.hlen)
			fuzz_fail("pdu", "a decoded header re-encodes to another length");
		if (sim_pdu_decode(hdr, p.hlen, &q, err, sizeof(err)) != SIM_PDU_OK)
			fuzz_fail("pdu: its own encoding does not decode", err);
		sim_pdu_describe(&p, d1, sizeof(d1));
		sim_pdu_describe(&q, d2, sizeof(d2));
		if (strcmp(d1, d2))
			fuzz_fail("pdu round trip", d1);
		/* a receiver skips plen bytes; a plen below hlen was refused above */
		if (p.plen > size - off)
			return;
		off += p.plen;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	switch (data[0] % FUZZ_PARSERS) {
	case FUZZ_SCENARIO:
		fuzz_scenario(data + 1, size - 1);
		break;
	case FUZZ_REPLAY:
		fuzz_replay(data + 1, size - 1);
		break;
	case FUZZ_PDU:
		fuzz_pdu(data + 1, size - 1);
		break;
	}
	return 0;
}
