/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <linux/fs.h>.
 *
 * struct file_operations, the mode/flag constants and the i_mmap and
 * mapping helpers are the kernel's, extracted from KDIR.  struct file,
 * struct inode and struct address_space are NOT: they are the harness's
 * model of a file (tests make their own fake files and drivers), holding
 * only the members the code under test uses.  get_file()/fput() count
 * references (records for assertions, shims/file.c).
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/rbtree.h>
#include <linux/rwsem.h>
#include <linux/atomic.h>
#include <linux/mm_types.h>
#include <linux/stat.h>

struct kiocb;
struct iov_iter;
struct dir_context;
struct file_lock;
struct file_lease;
struct pipe_inode_info;
struct io_uring_cmd;
struct io_comp_batch;
struct poll_table_struct;
struct seq_file;
struct offset_ctx;
struct vm_area_desc;
struct path;

/* @extract include/linux/fs.h
 *	FMODE_READ FMODE_WRITE FMODE_EXEC? FMODE_WRITER?
 *	fop_flags_t? fl_owner_t MAX_LFS_FILESIZE
 *	struct file_operations
 *	FOP_MMAP_SYNC FOP_UNSIGNED_OFFSET FOP_HUGE_PAGES
 *	S_APPEND? S_SWAPFILE? IS_APPEND IS_SWAPFILE
 *	can_mmap_file vfs_mmap_prepare vfs_mmap compat_vma_mmap
 */
/* @extract include/linux/pagemap.h
 *	enum mapping_flags
 */

/* Harness model of a file: real userspace implementation (shims/file.c). */
struct address_space {
	struct inode *host;
	struct rb_root_cached i_mmap;
	atomic_t i_mmap_writable;
	struct rw_semaphore i_mmap_rwsem;
	unsigned long flags;
};

struct inode {
	umode_t i_mode;
	unsigned int i_flags;
	loff_t i_size;
	struct address_space *i_mapping;
	struct address_space i_data;
};

struct path {
	void *mnt;
	void *dentry;
};

struct file {
	const struct file_operations *f_op;
	struct address_space *f_mapping;
	struct inode *f_inode;
	fmode_t f_mode;
	unsigned int f_flags;
	struct path f_path;
	void *private_data;
	long f_count;			/* get_file()/fput() balance */
};

#include <extract/linux/fs.h>

/* real: the harness's file model */
static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

struct file *get_file(struct file *f);
void fput(struct file *f);
bool path_noexec(const struct path *path);

/* no-op: the harness has no DAX files */
static inline bool vma_is_dax(const struct vm_area_struct *vma)
{
	return false;
}

/* real: the i_mmap lock, single-threaded */
static inline void i_mmap_lock_write(struct address_space *mapping)
{
	down_write(&mapping->i_mmap_rwsem);
}

static inline void i_mmap_unlock_write(struct address_space *mapping)
{
	up_write(&mapping->i_mmap_rwsem);
}

static inline void i_mmap_lock_read(struct address_space *mapping)
{
	down_read(&mapping->i_mmap_rwsem);
}

static inline void i_mmap_unlock_read(struct address_space *mapping)
{
	up_read(&mapping->i_mmap_rwsem);
}

/* @extract include/linux/fs.h
 *	mapping_map_writable mapping_unmap_writable mapping_deny_writable
 *	mapping_allow_writable
 */

#endif /* _LINUX_FS_H */
