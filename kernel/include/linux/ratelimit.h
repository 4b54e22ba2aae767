/* Stub: see <linux/ratelimit_types.h>. */
#include <linux/ratelimit_types.h>
