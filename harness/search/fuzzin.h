/*
 * Fuzz inputs for fuzz_interleave: a few header bytes pick a bounded
 * workload and environment, the rest is the choice source's byte tape.
 *
 *   byte 0      variant (index modulo the number of variants)
 *   byte 1      bit 0 policy prio; bits 1-2 submitters - 1; bits 4-7 the
 *               CPU (0 or 1) of each submitter; the kworker is on CPU 0
 *   byte 2      sndbuf_bytes      (from a table; 0 picks the default)
 *   byte 3      mss_bytes
 *   byte 4      maxh2cdata_bytes
 *   byte 5      ioccsz (in-capsule data 4096, none, 2048, 8192)
 *   byte 6      low nibble r2t_bytes, high nibble c2h_bytes
 *   byte 7      quota_steps
 *   byte 8      requests - 1 (1..SIM_FUZZ_REQS_MAX)
 *   2 bytes per request:
 *               op (bits 0-1: write, write, read, flush), bit 2 last=0,
 *               bit 3 commit after it, bits 4-5 submitter; then its
 *               length in 512-byte blocks - 1 (modulo 32: up to 16 KiB)
 *   the rest    one byte per scheduling choice (byte modulo the number of
 *               contexts that can run); lowest context first once used up
 *
 * Missing header bytes read as 0, so every byte string is an input and an
 * all-zero header is the default config's shape.
 */
#ifndef NVTSIM_FUZZIN_H
#define NVTSIM_FUZZIN_H

#include <stddef.h>
#include <stdint.h>

#include "sim.h"

#define SIM_FUZZ_HEAD_BYTES 9
#define SIM_FUZZ_REQS_MAX 4
/* Room for a minimised counterexample's every step (SIM_EXPLORE_DEPTH_MAX). */
#define SIM_FUZZ_STEPS_MAX 4000

/*
 * Decodes data into cfg (always a config sim_config_check() accepts) and
 * points *tape at the scheduling choices. variant >= 0 overrides byte 0.
 */
void sim_fuzz_decode(const uint8_t *data, size_t size, int variant,
		     struct sim_config *cfg, const uint8_t **tape,
		     size_t *ntape);

#endif
