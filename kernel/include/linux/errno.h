/* Faithful: the kernel's errno values (x86-64 = asm-generic), including the kernel-internal ones. */
#ifndef NVTSIM_K_ERRNO_H
#define NVTSIM_K_ERRNO_H
/* harness/include's linux/errno.h reaches for the C library's: not here */
#define NVTSIM_LINUX_ERRNO_H

#define EPERM 1
#define ENOENT 2
#define ESRCH 3
#define EINTR 4
#define EIO 5
#define ENXIO 6
#define E2BIG 7
#define EBADF 9
#define EAGAIN 11
#define EWOULDBLOCK EAGAIN
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define EBUSY 16
#define ENOTTY 25
#define EEXIST 17
#define ENODEV 19
#define EINVAL 22
#define ENOSPC 28
#define EPIPE 32
#define ERANGE 34
#define ENOSYS 38
#define ENODATA 61
#define ETIME 62
#define ENOLINK 67
#define EPROTO 71
#define EBADMSG 74
#define EOVERFLOW 75
#define EKEYREJECTED 129
#define ENOKEY 126
#define EKEYEXPIRED 127
#define EKEYREVOKED 128
#define ENOTSOCK 88
#define EMSGSIZE 90
#define EPROTONOSUPPORT 93
#define EOPNOTSUPP 95
#define EAFNOSUPPORT 97
#define EADDRINUSE 98
#define ENETDOWN 100
#define ENETUNREACH 101
#define ECONNABORTED 103
#define ECONNRESET 104
#define ENOBUFS 105
#define ENOTCONN 107
#define ESHUTDOWN 108
#define ETIMEDOUT 110
#define ECONNREFUSED 111
#define EHOSTUNREACH 113
#define EALREADY 114
#define EINPROGRESS 115
#define ECANCELED 125
#define EREMOTEIO 121
#define EDQUOT 122
/* kernel-internal */
#define ERESTARTSYS 512
#define ENOTSUPP 524
#define EPROBE_DEFER 517

#endif
