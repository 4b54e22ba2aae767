/*
 * Simulation point: the -fsanitize=thread hooks of the tcp.c translation
 * unit (kernel/glue.c), without libtsan. The compiler turns every load and
 * store of tcp.c into a call here, as KCSAN does in the kernel; an access
 * that hits a watched shared field (glue.c's nvtsim_watch table, e.g.
 * queue->request) becomes a scheduling point named by the field and by the
 * kernel function doing it; every other access returns at once.
 *
 * This file is compiled without instrumentation.
 */
#include <linux/types.h>
#include <sim_shim.h>
#include <string.h>
#include <linux/mutex.h>

#include "glue.h"

/* The .so's functions by link address (generated: kbuild.sh's symtab.c). */
extern const unsigned nvtsim_symtab_n;
extern const uint64_t nvtsim_symtab_addr[];
extern const uint32_t nvtsim_symtab_name[];
extern const char nvtsim_symtab_str[];
/* tcp.c's lines by link address, 0 for other files' code (generated: linetab.c). */
extern const unsigned nvtsim_linetab_n;
extern const uint64_t nvtsim_linetab_addr[];
extern const uint32_t nvtsim_linetab_line[];

static struct nvtsim_access_counts nvtsim__counts;
static const struct nvtsim_watch *nvtsim__stored;
static uintptr_t nvtsim__base;
static bool nvtsim__base_known;

/* A function of this file, found in the table by name: where the .so was loaded. */
__attribute__((__noinline__)) void nvtsim_symtab_anchor(void)
{
	__asm__ __volatile__("");
}

static uintptr_t nvtsim__load_base(void)
{
	unsigned i;

	if (nvtsim__base_known)
		return nvtsim__base;
	nvtsim__base_known = true;
	for (i = 0; i < nvtsim_symtab_n; i++) {
		const char *name = nvtsim_symtab_str + nvtsim_symtab_name[i];

		if (!strcmp(name, "nvtsim_symtab_anchor")) {
			nvtsim__base = (uintptr_t)&nvtsim_symtab_anchor -
				(uintptr_t)nvtsim_symtab_addr[i];
			break;
		}
	}
	return nvtsim__base;
}

const char *nvtsim_symbolize(const void *pc)
{
	uintptr_t a;
	unsigned lo = 0, hi = nvtsim_symtab_n;

	if (!nvtsim_symtab_n)
		return "?";
	a = (uintptr_t)pc - nvtsim__load_base();
	if (a < nvtsim_symtab_addr[0])
		return "?";
	/* the last entry at or below a */
	while (hi - lo > 1) {
		unsigned mid = lo + (hi - lo) / 2;

		if (nvtsim_symtab_addr[mid] <= a)
			lo = mid;
		else
			hi = mid;
	}
	return nvtsim_symtab_str + nvtsim_symtab_name[lo];
}

/* The tcp.c line of the code at return address pc, or 0 (generated: kbuild.sh's linetab.c). */
static int nvtsim__line(const void *pc)
{
	uintptr_t a;
	unsigned lo = 0, hi = nvtsim_linetab_n;

	if (!nvtsim_linetab_n)
		return 0;
	/* the call instruction ends at pc: its line is the one at pc - 1 */
	a = (uintptr_t)pc - 1 - nvtsim__load_base();
	if (a < nvtsim_linetab_addr[0])
		return 0;
	while (hi - lo > 1) {
		unsigned mid = lo + (hi - lo) / 2;

		if (nvtsim_linetab_addr[mid] <= a)
			lo = mid;
		else
			hi = mid;
	}
	return (int)nvtsim_linetab_line[lo];
}

void nvtsim_access_counts_get(struct nvtsim_access_counts *c)
{
	*c = nvtsim__counts;
}

void nvtsim_access_counts_reset(void)
{
	struct nvtsim_access_counts zero = { 0 };

	nvtsim__counts = zero;
	nvtsim__stored = NULL;
}

/* A watched field's value as the trace shows it: pointers as set / 0, like the model's. */
static void nvtsim__trace(const struct nvtsim_watch *w, const char *what)
{
	uint64_t v = 0;

	memcpy(&v, w->addr, w->size < sizeof(v) ? w->size : sizeof(v));
	if (w->size == sizeof(void *))
		sim_trace_op("%s %s = %s", what, w->field, v ? "set" : "0");
	else
		sim_trace_op("%s %s = %llu", what, w->field, (unsigned long long)v);
}

/*
 * The hook runs before the access: a load's value is in memory when the
 * scheduling point returns, a store's only after it. The store is traced
 * at the tcp.c translation unit's next hook (at the latest its function's
 * __tsan_func_exit), before any other context can run.
 */
static inline void nvtsim__flush_store(void)
{
	if (nvtsim__stored) {
		if (sim_tracing())
			nvtsim__trace(nvtsim__stored, "store");
		nvtsim__stored = NULL;
	}
}

static inline void nvtsim__access(const void *addr, size_t size, bool write,
				  const void *pc, const void *frame)
{
	uintptr_t a = (uintptr_t)addr;
	const char *sfile;
	const void *sframe;
	unsigned i;
	int line, sline;

	nvtsim__counts.accesses++;
	nvtsim__flush_store();
	if (nvtsim_glue_busy)
		return;
	for (i = 0; i < nvtsim_watch_n; i++) {
		const struct nvtsim_watch *w = &nvtsim_watch[i];
		uintptr_t wa = (uintptr_t)w->addr;

		if (a < wa + w->size && wa < a + size) {
			if (!write && w->guard &&
			    w->guard->owner == sim_current_ctx() + 1) {
				nvtsim__counts.guarded_loads++;
				return;
			}
			/*
			 * A load in a shim macro's arguments comes after the
			 * macro's SIM_AT: that site is the shim's, put back
			 * once this access's point has taken its own.
			 */
			sim_at_get(&sfile, &sline, &sframe);
			line = nvtsim__line(pc);
			sim_at(line ? "drivers/nvme/host/tcp.c" : NULL, line, frame);
			sim_point_field(write, w->addr, w->field,
					nvtsim_symbolize(pc));
			sim_at(sfile, sline, sframe);
			if (write) {
				nvtsim__counts.watched_stores++;
				nvtsim__stored = w;
			} else {
				nvtsim__counts.watched_loads++;
				if (sim_tracing())
					nvtsim__trace(w, "load");
			}
			return;
		}
	}
}

/*
 * The hook's caller: the return address in tcp.c and that function's frame
 * (tcp.c is built with frame pointers: the saved one is its own), for the
 * source line and the call nesting of traces.
 */
#pragma GCC diagnostic ignored "-Wframe-address"
#define NVTSIM_CALLER() __builtin_return_address(0), __builtin_frame_address(1)

void __tsan_init(void)
{
}

void __tsan_func_entry(void *pc)
{
	nvtsim__flush_store();
}

void __tsan_func_exit(void)
{
	nvtsim__flush_store();
}

#define NVTSIM_RW(n) \
	void __tsan_read##n(void *a) { nvtsim__access(a, n, false, NVTSIM_CALLER()); } \
	void __tsan_write##n(void *a) { nvtsim__access(a, n, true, NVTSIM_CALLER()); } \
	void __tsan_unaligned_read##n(void *a) { nvtsim__access(a, n, false, NVTSIM_CALLER()); } \
	void __tsan_unaligned_write##n(void *a) { nvtsim__access(a, n, true, NVTSIM_CALLER()); } \
	void __tsan_volatile_read##n(void *a) { nvtsim__access(a, n, false, NVTSIM_CALLER()); } \
	void __tsan_volatile_write##n(void *a) { nvtsim__access(a, n, true, NVTSIM_CALLER()); } \
	void __tsan_unaligned_volatile_read##n(void *a) { nvtsim__access(a, n, false, NVTSIM_CALLER()); } \
	void __tsan_unaligned_volatile_write##n(void *a) { nvtsim__access(a, n, true, NVTSIM_CALLER()); }
NVTSIM_RW(1)
NVTSIM_RW(2)
NVTSIM_RW(4)
NVTSIM_RW(8)
NVTSIM_RW(16)

void __tsan_read_range(void *a, unsigned long size)
{
	nvtsim__access(a, size, false, NVTSIM_CALLER());
}

void __tsan_write_range(void *a, unsigned long size)
{
	nvtsim__access(a, size, true, NVTSIM_CALLER());
}

/*
 * Atomics: the instrumented code calls these instead of doing the
 * operation, so they do it (contexts switch only at scheduling points: a
 * plain read-modify-write is atomic here). mo is the memory order.
 */
#define NVTSIM_ATOMIC(bits, T) \
	T __tsan_atomic##bits##_load(const volatile T *p, int mo) \
	{ nvtsim__access((const void *)p, sizeof(T), false, NVTSIM_CALLER()); return *p; } \
	void __tsan_atomic##bits##_store(volatile T *p, T v, int mo) \
	{ nvtsim__access((const void *)p, sizeof(T), true, NVTSIM_CALLER()); *p = v; } \
	T __tsan_atomic##bits##_exchange(volatile T *p, T v, int mo) \
	{ T o; nvtsim__access((const void *)p, sizeof(T), true, NVTSIM_CALLER()); o = *p; *p = v; return o; } \
	T __tsan_atomic##bits##_fetch_add(volatile T *p, T v, int mo) \
	{ T o; nvtsim__access((const void *)p, sizeof(T), true, NVTSIM_CALLER()); o = *p; *p = o + v; return o; } \
	T __tsan_atomic##bits##_fetch_sub(volatile T *p, T v, int mo) \
	{ T o; nvtsim__access((const void *)p, sizeof(T), true, NVTSIM_CALLER()); o = *p; *p = o - v; return o; } \
	T __tsan_atomic##bits##_fetch_and(volatile T *p, T v, int mo) \
	{ T o; nvtsim__access((const void *)p, sizeof(T), true, NVTSIM_CALLER()); o = *p; *p = o & v; return o; } \
	T __tsan_atomic##bits##_fetch_or(volatile T *p, T v, int mo) \
	{ T o; nvtsim__access((const void *)p, sizeof(T), true, NVTSIM_CALLER()); o = *p; *p = o | v; return o; } \
	T __tsan_atomic##bits##_fetch_xor(volatile T *p, T v, int mo) \
	{ T o; nvtsim__access((const void *)p, sizeof(T), true, NVTSIM_CALLER()); o = *p; *p = o ^ v; return o; } \
	T __tsan_atomic##bits##_fetch_nand(volatile T *p, T v, int mo) \
	{ T o; nvtsim__access((const void *)p, sizeof(T), true, NVTSIM_CALLER()); o = *p; *p = ~(o & v); return o; } \
	int __tsan_atomic##bits##_compare_exchange_strong(volatile T *p, T *e, T v, int mo, int fmo) \
	{ nvtsim__access((const void *)p, sizeof(T), true, NVTSIM_CALLER()); \
	  if (*p == *e) { *p = v; return 1; } *e = *p; return 0; } \
	int __tsan_atomic##bits##_compare_exchange_weak(volatile T *p, T *e, T v, int mo, int fmo) \
	{ nvtsim__access((const void *)p, sizeof(T), true, NVTSIM_CALLER()); \
	  if (*p == *e) { *p = v; return 1; } *e = *p; return 0; } \
	T __tsan_atomic##bits##_compare_exchange_val(volatile T *p, T e, T v, int mo, int fmo) \
	{ T o; nvtsim__access((const void *)p, sizeof(T), true, NVTSIM_CALLER()); \
	  o = *p; if (o == e) *p = v; return o; }
NVTSIM_ATOMIC(8, uint8_t)
NVTSIM_ATOMIC(16, uint16_t)
NVTSIM_ATOMIC(32, uint32_t)
NVTSIM_ATOMIC(64, uint64_t)

void __tsan_atomic_thread_fence(int mo)
{
}

void __tsan_atomic_signal_fence(int mo)
{
}
