/* Stub: see <linux/xarray.h>. */
#include <linux/xarray.h>
