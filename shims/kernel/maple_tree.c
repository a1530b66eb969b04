// SPDX-License-Identifier: GPL-2.0
/*
 * Translation unit for the real lib/maple_tree.c of KDIR, built like the
 * kernel's own userspace maple tree tests (tools/testing/shared), over our
 * slab shim (shims/slab.c) and liburcu.
 */
/* maple-shared.h defines these two itself; our autoconf.h has them too */
#include <generated/autoconf.h>
#undef CONFIG_DEBUG_MAPLE_TREE
#undef CONFIG_MAPLE_SEARCH
#include "maple-shared.h"
#include <linux/slab.h>
#include "../slab.h"
#include "../rcu.h"

/* deferred frees go through the harness's queue (shims/rcu.c) */
#undef call_rcu
#define call_rcu	vma_call_rcu

#include <lib/maple_tree.c>

/* RCU callback of the kfree_rcu() in maple-shared.h: real (frees the node) */
void maple_rcu_cb(struct rcu_head *head)
{
	struct maple_node *node = container_of(head, struct maple_node, rcu);

	kmem_cache_free(maple_node_cache, node);
}
