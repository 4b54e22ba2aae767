/* Stub: tracepoints are compiled out. */
#ifndef NVTSIM_K_TRACE_EVENTS_SOCK_H
#define NVTSIM_K_TRACE_EVENTS_SOCK_H

#define trace_sk_data_ready(sk) do { (void)(sk); } while (0)

#endif
