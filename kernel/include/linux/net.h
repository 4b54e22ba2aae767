/*
 * Simulation point: harness/include's struct socket / struct sock (shared
 * with the world) and its sends; the socket calls of queue set-up and
 * teardown are declared here (generated stubs: a verdict if called).
 */
#ifndef NVTSIM_K_NET_H
#define NVTSIM_K_NET_H

#include <linux/types.h>
#include_next <linux/net.h>

#define SOCK_STREAM 1
#define SHUT_RD 0
#define SHUT_WR 1
#define SHUT_RDWR 2
#define O_CLOEXEC 02000000

#define MSG_PEEK 2
#define MSG_WAITALL 0x100
#define MSG_NOSIGNAL 0x4000
#define MSG_SPLICE_PAGES 0x8000000

struct msghdr;
struct kvec;
struct sockaddr;
struct file;
struct net;
struct net_device;
struct net_device *__dev_get_by_name(struct net *net, const char *name);

int sock_create(int family, int type, int proto, struct socket **res);
int sock_create_kern(struct net *net, int family, int type, int proto,
		     struct socket **res);
void sock_release(struct socket *sock);
struct file *sock_alloc_file(struct socket *sock, int flags, const char *dname);
void fput(struct file *file);
void __fput_sync(struct file *file);
/*
 * 6.19+ pass a struct sockaddr_unsized * to kernel_connect() and
 * kernel_bind(), older trees a struct sockaddr *: either is taken, and
 * nothing else.
 */
struct sockaddr_unsized;
typedef union {
	struct sockaddr *sa;
	struct sockaddr_unsized *su;
} __attribute__((transparent_union)) nvtsim_sockaddr_arg;
int kernel_connect(struct socket *sock, nvtsim_sockaddr_arg addr, int addrlen,
		   int flags);
int kernel_bind(struct socket *sock, nvtsim_sockaddr_arg addr, int addrlen);
int kernel_sock_shutdown(struct socket *sock, int how);
int kernel_getsockname(struct socket *sock, struct sockaddr *addr);
int kernel_recvmsg(struct socket *sock, struct msghdr *msg, struct kvec *vec,
		   size_t num, size_t len, int flags);

/*
 * Simulation point: a send is one scheduling point on the socket and one
 * call of the world's sim_kernel_sendpage (kernel/glue.c), whatever the
 * tree spells it (kernel_sendmsg, sock_sendmsg with a one-bvec iterator).
 */
int nvtsim_kernel_sendmsg(struct socket *sock, struct msghdr *msg,
			  struct kvec *vec, size_t num, size_t len,
			  const char *fn);
int nvtsim_sock_sendmsg(struct socket *sock, struct msghdr *msg,
			const char *fn);
#define kernel_sendmsg(sock, msg, vec, num, len) \
	(SIM_AT(), nvtsim_kernel_sendmsg((sock), (msg), (vec), (num), (len), __func__))
#define sock_sendmsg(sock, msg) (SIM_AT(), nvtsim_sock_sendmsg((sock), (msg), __func__))

#endif
