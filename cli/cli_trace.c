/* --trace FILE, --trace-format F and --pcap FILE, shared by run and replay. */
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

int cli_trace_open(const char *cmd, const struct cli_trace *o,
		   struct sim_trace *t)
{
	if (o->format && !o->path) {
		fprintf(stderr, "nvtsim %s: --trace-format needs --trace FILE\n", cmd);
		return -1;
	}
	t->file_format = o->format ? (uint8_t)sim_trace_format_find(o->format) :
				     SIM_TRACE_TEXT;
	if (o->path && !(t->file = cli_outs_open(cmd, "--trace", o->path)))
		return -1;
	if (o->pcap && !(t->pcap_out = cli_outs_open(cmd, "--pcap", o->pcap))) {
		t->file = NULL;
		return -1;
	}
	return 0;
}

void cli_trace_close(struct sim_trace *t)
{
	t->file = NULL;
	t->pcap_out = NULL;
}
