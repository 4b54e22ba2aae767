/* Faithful: <net/sock.h> is struct sock, kept in linux/net.h. */
#include <linux/net.h>
