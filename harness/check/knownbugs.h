/*
 * Failure signatures and the bugs upstream (or nvtsim) has on record.
 *
 * A signature says what went wrong without the accidents of one run:
 *
 *   <verdict> <PDU left behind> subs=<fn,...> kworker=<fn> net_tx=<fn> net_rx=<fn> ctrl=<fn>
 *
 * where each fn is the kernel function in which that context last ran
 * (the submitters' set, sorted, as their number varies), and the PDU is
 * "-" when the verdict names none. A fuzzer finding whose signature is on
 * record for its variant is a known bug showing up again; any other is new.
 */
#ifndef NVTSIM_KNOWNBUGS_H
#define NVTSIM_KNOWNBUGS_H

#include <stdbool.h>
#include <stddef.h>

#include "sim.h"

#define SIM_SIG_BYTES 320

struct sim_known_bug {
	const char *name;
	const char *first;		/* first variant that has it */
	const char *fixed;		/* first variant that does not, or NULL */
	const char *what;		/* one line: the upstream fix, or the finding */
	const char *line_has;		/* the verdict line must contain it, or NULL */
	const char *const *sigs;	/* NULL-terminated */
};

extern const struct sim_known_bug sim_known_bugs[];
extern const unsigned sim_nknown_bugs;

/* The signature of the stopped world w. */
void sim_signature(const struct sim_world *w, char *buf, size_t len);

/*
 * A known bug's signature is a pattern: the same tokens, where a value may
 * list alternatives ("subs=nvme_tcp_queue_rq|nvme_tcp_try_send") or be "*"
 * for a context whose whereabouts the bug does not depend on.
 */
bool sim_signature_match(const char *pattern, const char *sig);

/*
 * The known bug with this signature on this variant, or NULL. line is the
 * verdict line: a protocol violation's signature names only the PDU, so an
 * entry can also ask for the rule the controller gave.
 */
const struct sim_known_bug *sim_known_bug_find(int variant, const char *sig,
					       const char *line);
/* The same, in a list of n entries (a test's, or sim_known_bugs). */
const struct sim_known_bug *sim_known_bug_find_in(const struct sim_known_bug *list,
						  unsigned n, int variant,
						  const char *sig,
						  const char *line);

/* The known bug of that name, or NULL. */
const struct sim_known_bug *sim_known_bug_named(const char *name);

/* Whether a verdict is a finding at all (not pass, not an inconclusive step bound). */
bool sim_verdict_is_failure(const struct sim_verdict *v);
/* A line ("hint: ...") on what a failure that is not a race means and how to avoid it, or false. */
bool sim_verdict_hint(const struct sim_world *w, char *buf, size_t len);

#endif
