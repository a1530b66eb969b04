// SPDX-License-Identifier: GPL-2.0
/*
 * anon_vma bookkeeping of mm/rmap.c: the object lifetimes for real (an
 * anon_vma lives while an anon_vma_chain refers to it, so leaks and
 * use-after-free show up under ASan/valgrind), without the reuse
 * heuristics of the kernel; the calls are counted for assertions.  The
 * rmap interval trees are not modelled: their insert/remove hooks are
 * no-ops (linux/rmap.h).
 */
#include <linux/rmap.h>
#include <linux/slab.h>
#include "harness.h"

struct vma_shim_counts vma_shim_counts;

/* real: an anon_vma_chain, holding a reference to its anon_vma */
static struct anon_vma_chain *avc_link(struct vm_area_struct *vma,
				       struct anon_vma *anon_vma)
{
	struct anon_vma_chain *avc = kzalloc(sizeof(*avc), GFP_KERNEL);

	if (!avc)
		return NULL;
	avc->vma = vma;
	avc->anon_vma = anon_vma;
	atomic_inc(&anon_vma->refcount);
	list_add(&avc->same_vma, &vma->anon_vma_chain);
	return avc;
}

static void avc_unlink(struct anon_vma_chain *avc)
{
	struct anon_vma *anon_vma = avc->anon_vma;

	list_del(&avc->same_vma);
	if (atomic_dec_and_test(&anon_vma->refcount))
		kfree(anon_vma);
	kfree(avc);
}

/* Free every link of @vma; its anon_vma pointer is the caller's. */
static void avc_unlink_all(struct vm_area_struct *vma)
{
	struct anon_vma_chain *avc, *next;

	list_for_each_entry_safe(avc, next, &vma->anon_vma_chain, same_vma)
		avc_unlink(avc);
}

/* records: the calls, each doing the real bookkeeping */
int __anon_vma_prepare(struct vm_area_struct *vma)
{
	struct anon_vma *anon_vma;

	vma_shim_counts.anon_vma_prepare++;
	anon_vma = kzalloc(sizeof(*anon_vma), GFP_KERNEL);
	if (!anon_vma)
		return -ENOMEM;
	anon_vma->root = anon_vma;
	init_rwsem(&anon_vma->rwsem);
	if (!avc_link(vma, anon_vma)) {
		kfree(anon_vma);
		return -ENOMEM;
	}
	vma->anon_vma = anon_vma;
	anon_vma->num_active_vmas = 1;
	return 0;
}

int anon_vma_clone(struct vm_area_struct *dst, struct vm_area_struct *src,
		   enum vma_operation operation)
{
	struct anon_vma_chain *avc;

	vma_shim_counts.anon_vma_clone++;
	if (!src->anon_vma)
		return 0;
	list_for_each_entry_reverse(avc, &src->anon_vma_chain, same_vma) {
		if (!avc_link(dst, avc->anon_vma)) {
			/*
			 * As mm/rmap.c's cleanup_partial_anon_vmas(): free the
			 * links made so far and reset dst->anon_vma (copied
			 * from src by vm_area_dup()), whose num_active_vmas
			 * this clone never raised.
			 */
			avc_unlink_all(dst);
			dst->anon_vma = NULL;
			return -ENOMEM;
		}
	}
	dst->anon_vma = src->anon_vma;
	dst->anon_vma->num_active_vmas++;
	return 0;
}

/* real: a fork's clone (counted as one) */
int anon_vma_fork(struct vm_area_struct *vma, struct vm_area_struct *pvma)
{
	vma->anon_vma = NULL;
	INIT_LIST_HEAD(&vma->anon_vma_chain);
	return anon_vma_clone(vma, pvma, VMA_OP_FORK);
}

/* records: the calls, each doing the real bookkeeping */
void unlink_anon_vmas(struct vm_area_struct *vma)
{
	vma_shim_counts.unlink_anon_vmas++;
	if (vma->anon_vma)
		vma->anon_vma->num_active_vmas--;
	avc_unlink_all(vma);
	vma->anon_vma = NULL;
}

/* no-op: the rmap interval trees are not modelled */
#ifdef VMA_HAVE_mapping_rmap_tree_insert
void anon_rmap_tree_insert(struct anon_vma_chain *avc,
			   struct anon_vma *anon_vma)
{
}

void anon_rmap_tree_remove(struct anon_vma_chain *avc,
			   struct anon_vma *anon_vma)
{
}

void mapping_rmap_tree_insert(struct vm_area_struct *vma,
			      struct address_space *mapping)
{
}

void mapping_rmap_tree_insert_after(struct vm_area_struct *vma,
				    struct vm_area_struct *prev,
				    struct address_space *mapping)
{
}

void mapping_rmap_tree_remove(struct vm_area_struct *vma,
			      struct address_space *mapping)
{
}
#endif

/* The same hooks under their names before 7.3 */
#ifdef VMA_HAVE_vma_interval_tree_insert
void vma_interval_tree_insert(struct vm_area_struct *node,
			      struct rb_root_cached *root)
{
}

void vma_interval_tree_insert_after(struct vm_area_struct *node,
				    struct vm_area_struct *prev,
				    struct rb_root_cached *root)
{
}

void vma_interval_tree_remove(struct vm_area_struct *node,
			      struct rb_root_cached *root)
{
}

void anon_vma_interval_tree_insert(struct anon_vma_chain *node,
				   struct rb_root_cached *root)
{
}

void anon_vma_interval_tree_remove(struct anon_vma_chain *node,
				   struct rb_root_cached *root)
{
}
#endif
