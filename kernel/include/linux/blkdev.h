/* Faithful: <linux/blkdev.h> is kept in <linux/blk-mq.h> here. */
#include <linux/blk-mq.h>
