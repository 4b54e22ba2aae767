/* Faithful: the errno values the send and receive paths return. */
#ifndef NVTSIM_LINUX_ERRNO_H
#define NVTSIM_LINUX_ERRNO_H

#define ENOENT 2
#define EIO 5
#define EAGAIN 11
#define ENOMEM 12
#define EFAULT 14
#define EINVAL 22
#define EPROTO 71

#endif
