/* Stub: the file, ioctl and geometry types nvme.h names in prototypes of the core's char device. */
#ifndef NVTSIM_K_FS_H
#define NVTSIM_K_FS_H

struct file;
struct inode;
struct file_operations;
struct io_uring_cmd;
struct hd_geometry;
struct block_device_operations;

#endif
