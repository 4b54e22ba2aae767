/* --trace FILE, --trace-format F and --pcap FILE, shared by run and replay. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "trace.h"

const char cli_trace_usage[] =
	"  --trace FILE    also write the trace to FILE (see --trace-format)\n"
	"  --trace-format F  text (the timeline), json (one object per event:\n"
	"                  step, context, cpu, kernel function, source file and\n"
	"                  line, shim operation, PDU fields) or chrome (Trace\n"
	"                  Event format for Perfetto and chrome://tracing: nested\n"
	"                  call slices per context, a track per CPU); default text\n"
	"  --pcap FILE     write the TCP stream as a pcap for Wireshark/tshark\n";

int cli_trace_opt(const char *cmd, int argc, char **argv, int *i,
		  struct cli_trace *o)
{
	const char *a = argv[*i];
	const char **slot;

	if (!strcmp(a, "--trace"))
		slot = &o->path;
	else if (!strcmp(a, "--trace-format"))
		slot = &o->format;
	else if (!strcmp(a, "--pcap"))
		slot = &o->pcap;
	else
		return 0;
	if (++*i == argc || !argv[*i][0]) {
		fprintf(stderr, "nvtsim %s: %s needs a value\n", cmd, a);
		return -1;
	}
	*slot = argv[*i];
	if (slot == &o->format && sim_trace_format_find(o->format) < 0) {
		fprintf(stderr, "nvtsim %s: --trace-format '%s': expected text, json or chrome\n",
			cmd, o->format);
		return -1;
	}
	return 1;
}

/* One command's trace files at a time: opened together, put in place together. */
static struct cli_out cli__outs[2];
static unsigned cli__nouts;

static void cli__discard_all(void)
{
	while (cli__nouts)
		cli_out_discard(&cli__outs[--cli__nouts]);
}

int cli_trace_open(const char *cmd, const struct cli_trace *o,
		   struct sim_trace *t)
{
	if (o->format && !o->path) {
		fprintf(stderr, "nvtsim %s: --trace-format needs --trace FILE\n", cmd);
		return -1;
	}
	t->file_format = o->format ? (uint8_t)sim_trace_format_find(o->format) :
				     SIM_TRACE_TEXT;
	cli__nouts = 0;
	if (o->path) {
		if (cli_out_open(cmd, &cli__outs[0], "--trace", o->path, NULL, 0))
			return -1;
		t->file = cli__outs[0].f;
		cli__nouts = 1;
	}
	if (o->pcap) {
		if (cli_out_open(cmd, &cli__outs[cli__nouts], "--pcap", o->pcap,
				 cli__outs, cli__nouts)) {
			cli__discard_all();
			t->file = NULL;
			return -1;
		}
		t->pcap_out = cli__outs[cli__nouts++].f;
	}
	return 0;
}

int cli_trace_close(const struct cli_trace *o, struct sim_trace *t)
{
	unsigned i;
	int ret = 0;

	(void)o;
	/* all of them or none */
	for (i = 0; i < cli__nouts; i++)
		if (fflush(cli__outs[i].f) || ferror(cli__outs[i].f)) {
			fprintf(stderr, "%s: cannot write: %s\n", cli__outs[i].path,
				strerror(errno));
			ret = -1;
		}
	if (ret) {
		cli__discard_all();
	} else {
		for (i = 0; i < cli__nouts; i++)
			if (cli_out_commit(&cli__outs[i]))
				ret = -1;
		cli__nouts = 0;
	}
	t->file = NULL;
	t->pcap_out = NULL;
	return ret;
}
