/* Stub: __init / __exit are empty (see nvtsim_prelude.h). */
#include <linux/compiler.h>
