/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/tracepoint-defs.h>: no-op (no tracing in the harness). */
#ifndef _LINUX_TRACEPOINT_DEFS_H
#define _LINUX_TRACEPOINT_DEFS_H

#define DECLARE_TRACEPOINT(tp)	struct __vma_unused_tp_##tp
#define tracepoint_enabled(tp)	false


#endif /* _LINUX_TRACEPOINT_DEFS_H */
