/* Stub: tracepoints are compiled out. */
#ifndef NVTSIM_K_TRACE_EVENTS_BLOCK_H
#define NVTSIM_K_TRACE_EVENTS_BLOCK_H

#define trace_block_bio_complete(q, bio) do { (void)(q); (void)(bio); } while (0)

#endif
