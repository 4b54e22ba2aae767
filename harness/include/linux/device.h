/* Simulation point: dev_err/dev_warn become model errors in the verdict and the trace. */
#ifndef NVTSIM_LINUX_DEVICE_H
#define NVTSIM_LINUX_DEVICE_H

#include <sim_shim.h>

struct device {
	const char *name;
};

#define dev_err(dev, ...) ((void)(dev), sim_model_error(__func__, __VA_ARGS__))
#define dev_warn(dev, ...) ((void)(dev), sim_model_error(__func__, __VA_ARGS__))

#endif
