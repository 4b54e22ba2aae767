/*
 * Replay strings: one line of plain ASCII that holds a whole run, so a
 * failure can be rerun from a bug report or a terminal scrollback.
 *
 *   nvt1:<variant>:<env>:<subs>:<reqs>:<steps_max>:<choices>
 *
 *   variant    a variant id as in sim_variants[] (decode: anything
 *              sim_variant_find() takes)
 *   env        sndbuf=N,mss=N,maxh2cdata=N,ioccsz=N,r2t=N,c2h=N,rcvbuf=N,
 *              quota=N,io_cpu=N (decode: each key once, any order)
 *   subs       NAME@CPU,...
 *   reqs       NAME=write|read|flush/LEN/SUBMITTER[/last][/commit],...
 *   steps_max  N >= 1
 *   choices    context ids run-length encoded: 'a'..'h' is id 0..7, then an
 *              optional repeat count >= 2; "a12eb" is 12 x 0, 4, 1; may be empty
 *
 * Numbers are plain decimal without leading zeros. Encoding a decoded string
 * gives it back byte for byte, but for env order and the variant's spelling.
 */
#ifndef NVTSIM_REPLAY_H
#define NVTSIM_REPLAY_H

#include <stddef.h>
#include <stdint.h>

#include "sim.h"

#define SIM_REPLAY_TAG "nvt1"

/*
 * Encodes; returns the string length, or -1 if out is too small (or cfg is
 * one decode would not give back: it fails sim_config_check(), a name breaks
 * the scenario parser's rules, or a choice is not one of its contexts).
 * A prio policy adds ",policy=prio" to the env field.
 */
int sim_replay_encode(const struct sim_config *cfg, const uint8_t *choices,
		      size_t nchoices, char *out, size_t outlen);

/*
 * Decodes; returns 0, or -1 with one line in err: "replay string: <problem>".
 * Trailing whitespace is ignored. Never reads past s + len, whatever the
 * bytes. cfg is written only on success (policy fair unless the env field
 * says policy=prio); choices[] may be
 * partly written on failure and *nchoices is then 0.
 */
int sim_replay_decode(const char *s, size_t len, struct sim_config *cfg,
		      uint8_t *choices, size_t choices_max, size_t *nchoices,
		      char *err, size_t errlen);

#endif
