/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A reference model of the kernel's free-area search, written from the
 * rules, not from mm/: plain C over a sorted array of intervals, no kernel
 * header, no kernel function, no maple tree.  It answers the questions of
 *
 *   model_vm_unmapped_area()      vm_unmapped_area() (mm/mmap.c) with
 *                                 unmapped_area[_topdown]() (mm/vma.c)
 *   model_mm_get_unmapped_area()  mm_get_unmapped_area() -> the generic
 *                                 generic_get_unmapped_area[_topdown](),
 *                                 or x86_64's arch_get_unmapped_area[_topdown]()
 *   model_thp_get_unmapped_area() thp_get_unmapped_area() (mm/huge_memory.c)
 *   model_get_unmapped_area()     get_unmapped_area() (mm/mmap.c's
 *                                 __get_unmapped_area()) for an anonymous
 *                                 private mapping
 *
 * for an x86_64 process, or an i386 one of a 32-bit kernel (thp_32bit:
 * ARCH=i386 builds) (no VM_GROWSUP, no shadow stacks), so that a
 * disagreement between the kernel and the model is a bug in one of two
 * independent implementations.  Every quirk of the kernel the model
 * reproduces on purpose is marked "Quirk" in model.c, with the kernel
 * function it comes from.  tests/diff_unmapped_area.c drives both.
 */
#ifndef _VMA_TESTS_MODEL_H
#define _VMA_TESTS_MODEL_H

#include <stdbool.h>

/* Error returns, as the kernel encodes them in an unsigned long. */
#define MODEL_EPERM		((unsigned long)-1L)
#define MODEL_ENOMEM		((unsigned long)-12L)
#define MODEL_EINVAL		((unsigned long)-22L)
#define MODEL_IS_ERR(x)		((unsigned long)(x) >= (unsigned long)-4095L)

/* One VMA: [start, end), and whether it is a VM_GROWSDOWN stack. */
struct model_vma {
	unsigned long start, end;
	bool growsdown;
};

/* The address space and the knobs the answers depend on. */
struct model_mm {
	/* the geometry: a power of two each, page_size < pmd_size */
	unsigned long page_size, pmd_size;
	const struct model_vma *vmas;	/* sorted, disjoint, start < end */
	int nr;
	bool topdown;			/* MMF_TOPDOWN */
	unsigned long mmap_base;	/* mm->mmap_base */
	unsigned long task_size;	/* TASK_SIZE == arch_get_mmap_end() */
	unsigned long unmapped_base;	/* TASK_UNMAPPED_BASE */
	unsigned long mmap_min_addr;
	unsigned long dac_mmap_min_addr;
	bool cap_sys_rawio;		/* may map below dac_mmap_min_addr */
	unsigned long stack_guard_gap;
	/*
	 * THP placement is built on mm_get_unmapped_area_aligned() (the
	 * series in patches/): an error, not 0, says "not aligned", and byte
	 * offsets outside loff_t are not aligned.
	 */
	bool aligned_helper;
	/* A 32-bit kernel (!CONFIG_64BIT): THP placement never aligns. */
	bool thp_32bit;
	/*
	 * x86_64's own placement (arch/x86/kernel/sys_x86_64.c) instead of
	 * the generic one, for a 64-bit task: the bottom-up search starts
	 * at legacy_base (mm->mmap_legacy_base).
	 */
	bool x86_64;
	unsigned long legacy_base;
	/*
	 * DEFAULT_MAP_WINDOW: hints and searches stay below it unless the
	 * hint is above it (x86_64 with 5-level paging, arm64 with 52-bit
	 * VAs: task_size is then the whole space); task_size elsewhere.
	 */
	unsigned long map_window;
};

/* The question of vm_unmapped_area(): struct vm_unmapped_area_info. */
struct model_area {
	bool topdown;			/* VM_UNMAPPED_AREA_TOPDOWN */
	unsigned long length;
	unsigned long low_limit, high_limit;
	unsigned long align_mask, align_offset;
	unsigned long start_gap;
};

unsigned long model_vm_unmapped_area(const struct model_mm *mm,
				     const struct model_area *q);
unsigned long model_mm_get_unmapped_area(const struct model_mm *mm,
					 unsigned long addr, unsigned long len,
					 bool map_fixed);
unsigned long model_thp_get_unmapped_area(const struct model_mm *mm,
					  unsigned long addr,
					  unsigned long len,
					  unsigned long pgoff, bool map_fixed);
unsigned long model_get_unmapped_area(const struct model_mm *mm,
				      unsigned long addr, unsigned long len,
				      bool map_fixed);

#endif /* _VMA_TESTS_MODEL_H */
