/* Faithful: socket addresses and struct msghdr (the driver's own: the world never sees one). */
#ifndef NVTSIM_K_SOCKET_H
#define NVTSIM_K_SOCKET_H

#include <linux/types.h>
#include <linux/uio.h>

#define AF_UNSPEC 0
#define AF_INET 2
#define AF_INET6 10
#define PF_INET AF_INET
#define SOL_SOCKET 1
#define SOL_TCP 6
#define SO_BINDTODEVICE 25
#define SO_PRIORITY 12
#define _K_SS_MAXSIZE 128

struct sockaddr {
	sa_family_t sa_family;
	char sa_data[14];
};

struct __kernel_sockaddr_storage {
	union {
		struct {
			unsigned short ss_family;
			char __data[_K_SS_MAXSIZE - sizeof(unsigned short)];
		};
		void *__align;
	};
};
#define sockaddr_storage __kernel_sockaddr_storage

struct cmsghdr {
	size_t cmsg_len;
	int cmsg_level;
	int cmsg_type;
};

struct msghdr {
	void *msg_name;
	int msg_namelen;
	int msg_inq;
	struct iov_iter msg_iter;
	void *msg_control;
	size_t msg_controllen;
	unsigned int msg_flags;
	bool msg_control_is_user;
	bool msg_get_inq;
	void *msg_iocb;
	void *msg_ubuf;
};

#define CMSG_ALIGN(len) (((len) + sizeof(long) - 1) & ~(sizeof(long) - 1))
#define CMSG_LEN(len) (CMSG_ALIGN(sizeof(struct cmsghdr)) + (len))
#define CMSG_SPACE(len) (CMSG_ALIGN(sizeof(struct cmsghdr)) + CMSG_ALIGN(len))
#define CMSG_DATA(cmsg) ((unsigned char *)((struct cmsghdr *)(cmsg) + 1))
#define SOL_TLS 282
#define TLS_GET_RECORD_TYPE 2

#endif
