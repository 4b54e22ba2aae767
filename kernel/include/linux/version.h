/* Faithful: KERNEL_VERSION is in nvtsim_prelude.h, LINUX_VERSION_CODE comes from the tree's Makefile. */
