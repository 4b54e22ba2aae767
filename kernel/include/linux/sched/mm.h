/* Faithful: memalloc_noreclaim_save() and friends are in <linux/mm.h> here. */
#include <linux/mm.h>
