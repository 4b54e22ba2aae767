/* Simulation point: READ_ONCE / WRITE_ONCE of shared fields; the rest is faithful. */
#ifndef NVTSIM_LINUX_COMPILER_H
#define NVTSIM_LINUX_COMPILER_H

#include <sim_shim.h>

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#define container_of(ptr, type, member) \
	((type *)(void *)((char *)(ptr) - offsetof(type, member)))

/*
 * Upstream reads some fields without a lock (queue->request in
 * nvme_tcp_queue_request); the model spells those reads READ_ONCE so that
 * the read is an interleaving point of its own.
 */
#define READ_ONCE(x) ({ \
	SIM_AT(); \
	sim_point(SIM_OP_READ_ONCE, &(x), #x, __func__); \
	__typeof__(x) _v = (x); \
	if (sim_tracing()) \
		sim_trace_op("READ_ONCE(%s) = %s", #x, _v ? "set" : "0"); \
	_v; \
})
#define WRITE_ONCE(x, val) do { \
	__typeof__(x) _v = (val); \
	SIM_AT(); \
	sim_point(SIM_OP_WRITE_ONCE, &(x), #x, __func__); \
	(x) = _v; \
	if (sim_tracing()) \
		sim_trace_op("WRITE_ONCE(%s, %s)", #x, _v ? "set" : "0"); \
} while (0)

#endif
