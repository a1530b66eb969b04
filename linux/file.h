/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/file.h>: fd lookup for the mmap syscalls; the harness's fd table is in shims/file.c (real userspace implementation). */
#ifndef __LINUX_FILE_H
#define __LINUX_FILE_H

#include <linux/fs.h>

struct file *fget(unsigned int fd);

#endif /* __LINUX_FILE_H */
