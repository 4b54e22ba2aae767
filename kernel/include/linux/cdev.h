/* Stub: the controller's character device, embedded in struct nvme_ctrl and never used. */
#ifndef NVTSIM_K_CDEV_H
#define NVTSIM_K_CDEV_H

#include <linux/kref.h>

struct cdev {
	struct kref kref;
	const void *ops;
	dev_t dev;
	unsigned int count;
};

#endif
