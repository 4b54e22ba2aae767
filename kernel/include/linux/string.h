/* Faithful: <linux/string.h> is the C string functions plus the kernel's own (see <string.h>). */
#include <string.h>
