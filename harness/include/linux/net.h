/* Simulation point: struct socket / struct sock over the fake TCP socket in harness/net/socket.c. */
#ifndef NVTSIM_LINUX_NET_H
#define NVTSIM_LINUX_NET_H

#include <linux/compiler.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#define MSG_DONTWAIT 0x40
#define MSG_EOR 0x80
#define MSG_MORE 0x8000
#define MSG_SENDPAGE_NOTLAST 0x20000

#define SOCK_NOSPACE 2

#define SIM_SOCK_SQ_BYTES (256 * 1024)
#define SIM_SOCK_RQ_BYTES (256 * 1024)
#define SIM_SOCK_RQ_SEGS 512
#define SIM_SOCK_ACKS 256		/* segments in flight, each awaiting its ACK */

/*
 * Linux's floors for SO_SNDBUF / SO_RCVBUF on x86-64 (include/net/sock.h):
 * SOCK_MIN_SNDBUF = 2 * TCP_SKB_MIN_TRUESIZE, SOCK_MIN_RCVBUF =
 * TCP_SKB_MIN_TRUESIZE, with TCP_SKB_MIN_TRUESIZE = 2048 +
 * SKB_DATA_ALIGN(sizeof(struct sk_buff)) = 2048 + 256.
 */
#define SIM_SOCK_MIN_SNDBUF 4608
#define SIM_SOCK_MIN_RCVBUF 2304

/* One segment on the wire, acknowledged when the controller's ACK comes back. */
struct sim_sock_ack {
	u32 bytes;
	u64 c2h_pos;			/* controller -> host stream offset it follows */
};

/* The fake TCP endpoint behind struct sock: send queue with corking, receive queue of segments. */
struct sim_sock {
	u32 sndbuf_bytes;
	u32 mss_bytes;
	int owner;			/* lock_sock holder: context id + 1 */

	/* send queue: bytes accepted by sendmsg, not yet on the wire */
	u32 sq_head, sq_len;
	u32 sq_pushed_bytes;		/* the front part that may go out now */
	u64 sq_stream_off;		/* stream offset of sq_head */

	/*
	 * sent, not yet acknowledged: still in sk_wmem_queued (tcp_clean_rtx_queue
	 * frees it), with one ACK per segment, oldest first
	 */
	u32 unacked_bytes;
	u32 ack_head, nacks;
	struct sim_sock_ack acks[SIM_SOCK_ACKS];

	/* receive queue: segments delivered, not yet read */
	u32 rq_head, rq_len;
	u32 seg_head, nsegs;
	u32 seg_bytes[SIM_SOCK_RQ_SEGS];
	u64 rq_stream_off;		/* stream offset of rq_head */

	u32 acks_rcvd;
	u32 write_space_calls;
	u32 data_ready_calls;
	u32 eagain_sends;
	u32 short_sends;

	u8 sq[SIM_SOCK_SQ_BYTES];
	u8 rq[SIM_SOCK_RQ_BYTES];
};

struct sock;
struct page;
struct file;

/* A received segment: a view of the receive ring. */
struct sk_buff {
	const struct sim_sock *ss;
	u32 ring_off;			/* where the segment starts in rq[] */
	u32 len;
};

typedef struct {
	size_t written;
	size_t count;
	union {
		void *data;
	} arg;
	int error;
} read_descriptor_t;

typedef int (*sk_read_actor_t)(read_descriptor_t *, struct sk_buff *,
			       unsigned int, size_t);

struct proto_ops {
	int (*read_sock)(struct sock *sk, read_descriptor_t *desc,
			 sk_read_actor_t recv_actor);
};

/* The kernel's receive queue head; only a kernel tree's poll path looks at it. */
struct sk_buff_head {
	struct sk_buff *next;
	struct sk_buff *prev;
	u32 qlen;
};

struct socket {
	unsigned long flags;
	struct sock *sk;
	const struct proto_ops *ops;
	struct file *file;		/* kernel/: sock_alloc_file() of 6.5+ trees */
};

struct sock {
	struct socket *sk_socket;
	void *sk_user_data;
	rwlock_t sk_callback_lock;
	void (*sk_data_ready)(struct sock *sk);
	void (*sk_write_space)(struct sock *sk);
	struct sim_sock sim;

	/*
	 * The rest of struct sock that a kernel tree's tcp.c touches
	 * (kernel/): set up or read by queue set-up, the state-change
	 * callback and poll. The model and the world leave them alone.
	 */
	void (*sk_state_change)(struct sock *sk);
	int sk_state;
	unsigned short sk_family;
	int sk_incoming_cpu;
	unsigned int sk_ll_usec;
	long sk_rcvtimeo;
	long sk_sndtimeo;
	gfp_t sk_allocation;
	bool sk_use_task_frag;
	struct sk_buff_head sk_receive_queue;
};

/* Pages are plain memory here: a page pointer is the address of its bytes. */
#define virt_to_page(addr) ((struct page *)(void *)(addr))
#define offset_in_page(addr) ((size_t)0)
#define sendpage_ok(page) true

int sim_kernel_sendpage(struct socket *sock, struct page *page, size_t offset,
			size_t size, int flags, const char *fn);
#define kernel_sendpage(sock, page, off, size, flags) \
	(SIM_AT(), sim_kernel_sendpage((sock), (page), (off), (size), (flags), __func__))
#define sock_no_sendpage(sock, page, off, size, flags) \
	(SIM_AT(), sim_kernel_sendpage((sock), (page), (off), (size), (flags), __func__))

void sim_lock_sock(struct sock *sk, const char *fn);
void sim_release_sock(struct sock *sk, const char *fn);
#define lock_sock(sk) (SIM_AT(), sim_lock_sock((sk), __func__))
#define release_sock(sk) (SIM_AT(), sim_release_sock((sk), __func__))

bool sim_sk_stream_is_writeable(const struct sock *sk, const char *fn);
#define sk_stream_is_writeable(sk) (SIM_AT(), sim_sk_stream_is_writeable((sk), __func__))

int skb_copy_bits(const struct sk_buff *skb, int offset, void *to, int len);

int sim_tcp_read_sock(struct sock *sk, read_descriptor_t *desc,
		      sk_read_actor_t recv_actor);

#endif
