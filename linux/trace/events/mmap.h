/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <trace/events/mmap.h>: no-op (no tracing in the harness). */
#ifndef _VMA_TRACE_MMAP_H
#define _VMA_TRACE_MMAP_H

#define trace_vm_unmapped_area(addr, info)	do { } while (0)
#define trace_vma_mas_szero(mt, start, end)	do { } while (0)
#define trace_vma_store(mt, vma)		do { } while (0)
#define trace_exit_mmap(mm)			do { } while (0)

#endif /* _VMA_TRACE_MMAP_H */
