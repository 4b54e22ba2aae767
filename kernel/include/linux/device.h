/*
 * Simulation point: dev_err / dev_warn become model errors in the verdict
 * and the trace (as in harness/include); dev_info / dev_dbg print nothing.
 * struct device is the driver's own (the world never sees it).
 */
#ifndef NVTSIM_K_DEVICE_H
#define NVTSIM_K_DEVICE_H

#include <linux/kernel.h>
#include <linux/kref.h>
/* harness/include's struct device is the model's: not this one */
#define NVTSIM_LINUX_DEVICE_H

struct device_driver;
struct attribute_group;

struct kobject {
	const char *name;
	struct kref kref;
};

struct device {
	struct kobject kobj;
	struct device *parent;
	const char *init_name;
	void *driver_data;
	const struct attribute_group **groups;
	void (*release)(struct device *dev);
	dev_t devt;
};

#define dev_err(dev, fmt, ...) \
	((void)(dev), sim_model_error(__func__, fmt, ##__VA_ARGS__))
#define dev_warn(dev, fmt, ...) \
	((void)(dev), sim_model_error(__func__, fmt, ##__VA_ARGS__))
#define dev_err_ratelimited dev_err
#define dev_warn_ratelimited dev_warn
#define dev_warn_once dev_warn
#define dev_info(dev, fmt, ...) ((void)(dev), nvtsim_no_printk(fmt, ##__VA_ARGS__))
#define dev_notice(dev, fmt, ...) ((void)(dev), nvtsim_no_printk(fmt, ##__VA_ARGS__))
#define dev_dbg(dev, fmt, ...) ((void)(dev), nvtsim_no_printk(fmt, ##__VA_ARGS__))
#define dev_info_ratelimited dev_info

const char *dev_name(const struct device *dev);
struct device *get_device(struct device *dev);
void put_device(struct device *dev);
static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

#endif
