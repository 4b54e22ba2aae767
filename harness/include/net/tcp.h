/* Faithful: <net/tcp.h> adds nothing the model needs beyond linux/net.h. */
#include <linux/net.h>
