/* Stub: the sleeps are declared in <linux/jiffies.h>; control path only. */
#include <linux/jiffies.h>
