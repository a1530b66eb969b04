// SPDX-License-Identifier: GPL-2.0
/*
 * The reference model of model.h: where the kernel places a new mapping,
 * restated as a search over explicit candidates.  The free space is the
 * list of holes around the VMAs; each hole offers one candidate address
 * (its lowest or its highest usable aligned address) and a handful of
 * rules accept or reject it.  Nothing here comes from mm/: no kernel
 * header, function or data structure.  Bounds are kept inclusive where
 * the top of the 64-bit space is involved, so that 2^64 never has to be
 * represented.
 */
#include <limits.h>

#include "model.h"

/* every function that uses them has the model_mm at hand */
#define PAGE		(mm->page_size)
#define PMD		(mm->pmd_size)

/*
 * Hole i (0 <= i <= nr) is the free run just below VMA i: from the end of
 * VMA i-1 (or 0) to the start of VMA i (or the top of the 64-bit space,
 * for i == nr), inclusive bounds.  False for the empty "hole" between two
 * adjacent VMAs.
 */
static bool hole(const struct model_mm *mm, int i,
		 unsigned long *first, unsigned long *last)
{
	*first = i > 0 ? mm->vmas[i - 1].end : 0;
	if (i == mm->nr) {
		*last = ~0UL;
		return true;
	}
	if (mm->vmas[i].start == *first)
		return false;
	*last = mm->vmas[i].start - 1;
	return true;
}

/* Hole i clipped to [lo, hi]: true if what is left holds size bytes. */
static bool hole_holds(const struct model_mm *mm, int i, unsigned long lo,
		       unsigned long hi, unsigned long size,
		       unsigned long *first, unsigned long *last)
{
	if (!hole(mm, i, first, last))
		return false;
	if (*first < lo)
		*first = lo;
	if (*last > hi)
		*last = hi;
	return *first <= *last && *last - *first >= size - 1;
}

/*
 * Where the stack guard of a VMA begins (vm_start_gap() in
 * include/linux/mm.h): a VM_GROWSDOWN VMA claims stack_guard_gap bytes
 * below its start, clamped at address 0.  x86 has no VM_GROWSUP, so no
 * VMA claims anything above its end (vm_end_gap() is vm_end), and
 * VM_SHADOW_STACK is not configured.
 */
static unsigned long guard_start(const struct model_mm *mm,
				 const struct model_vma *v)
{
	if (!v->growsdown)
		return v->start;
	return v->start > mm->stack_guard_gap ?
		v->start - mm->stack_guard_gap : 0;
}

/*
 * The alignment rule: an address a is aligned when (a - off) & mask == 0.
 * For a mask 2^k - 1 (or 2^k - 1 without its page bits, as every caller
 * passes) and page-aligned addresses this is a == off (mod 2^k).
 * aligned_up(): the lowest aligned a >= base; aligned_down(): the highest
 * aligned a <= base.  Both are exact for such masks.
 */
static unsigned long aligned_up(unsigned long base, unsigned long mask,
				unsigned long off)
{
	return base + ((off - base) & mask);
}

static unsigned long aligned_down(unsigned long base, unsigned long mask,
				  unsigned long off)
{
	return base - ((base - off) & mask);
}

/*
 * Bottom-up (unmapped_area() in mm/vma.c): the candidate of a hole is its
 * lowest usable address above lo, plus start_gap, rounded up to the
 * alignment.  The answer is the candidate of the lowest hole that
 *  - holds "size" = length + align_mask + start_gap inside [lo, hi].
 *    Quirk: the worst-case padding is required of every hole, so a hole
 *    with room for the aligned area but not for the full padding is
 *    passed over;
 *  - is not ended by a stack whose guard starts below
 *    candidate + size - 1.  Quirks: the guard test counts the padded size
 *    from the already aligned candidate, not the length, so a stack can
 *    reject a hole where the area would keep clear of its guard; and the
 *    "- 1" lets an area whose length is not a page multiple end one byte
 *    inside the guard (no caller passes such a length).
 * A VMA below the hole never matters (no VM_GROWSUP on x86: the
 * kernel's vm_end_gap(prev) test cannot fire).
 */
static unsigned long bottomup(const struct model_mm *mm,
			      const struct model_area *q,
			      unsigned long size, unsigned long lo,
			      unsigned long hi)
{
	unsigned long first, last, a;
	int i;

	for (i = 0; i <= mm->nr; i++) {
		if (!hole_holds(mm, i, lo, hi, size, &first, &last))
			continue;
		a = aligned_up(first + q->start_gap, q->align_mask,
			       q->align_offset);
		if (i < mm->nr && mm->vmas[i].growsdown &&
		    guard_start(mm, &mm->vmas[i]) < a + size - 1)
			continue;
		return a;
	}
	return MODEL_ENOMEM;
}

/*
 * Top-down (unmapped_area_topdown() in mm/vma.c): the candidate of a hole
 * is the highest aligned address a with a + length <= top, where top is
 * the end of the hole's usable part (at most the ceiling).  start_gap only
 * enlarges the room the hole must hold.  The answer is the candidate of
 * the highest hole that holds size inside [lo, ceiling - 1] (same padding
 * quirk as bottom-up), unless a stack ends the hole and its guard starts
 * below top: then the ceiling drops to that guard start and the search
 * starts over.  Quirks:
 *  - the guard is compared with top, not with a + length: an aligned
 *    candidate well clear of the guard is still refused;
 *  - the ceiling is exclusive and is passed on as ceiling - 1, so a
 *    ceiling of 0 means no ceiling at all.  A guard start clamped to 0
 *    (a stack below stack_guard_gap) therefore lifts the search to the
 *    top of the 64-bit space, and the answer is an address far above
 *    TASK_SIZE that is not an error value (so that
 *    generic_get_unmapped_area_topdown() does not fall back either).
 */
static unsigned long topdown(const struct model_mm *mm,
			     const struct model_area *q,
			     unsigned long size, unsigned long lo,
			     unsigned long ceiling)
{
	unsigned long first, last, top;
	int i, rounds;

	/* each round lowers the ceiling, or lifts it once to "none" */
	for (rounds = 0; rounds <= mm->nr + 1; rounds++) {
		for (i = mm->nr; i >= 0; i--) {
			if (hole_holds(mm, i, lo, ceiling - 1, size,
				       &first, &last))
				break;
		}
		if (i < 0)
			return MODEL_ENOMEM;
		top = last + 1;		/* 0 for the top of the space */
		if (i < mm->nr && mm->vmas[i].growsdown &&
		    guard_start(mm, &mm->vmas[i]) < top) {
			ceiling = guard_start(mm, &mm->vmas[i]);
			continue;
		}
		return aligned_down(top - q->length, q->align_mask,
				    q->align_offset);
	}
	return MODEL_EINVAL;	/* the kernel would search forever */
}

/*
 * vm_unmapped_area().  Common rules of both directions:
 *  - the room needed is length + align_mask + start_gap; if that sum
 *    wraps below length, or is 0, nothing fits (-ENOMEM);
 *  - the floor is max(low_limit, mmap_min_addr).  Quirk: for bottom-up,
 *    start_gap is then added on top of mmap_min_addr, not of low_limit;
 *  - high_limit is exclusive (see the top-down quirk for 0).
 */
unsigned long model_vm_unmapped_area(const struct model_mm *mm,
				     const struct model_area *q)
{
	unsigned long size = q->length + q->align_mask + q->start_gap;
	unsigned long lo = q->low_limit;

	if (size < q->length || size == 0)
		return MODEL_ENOMEM;
	if (lo < mm->mmap_min_addr)
		lo = mm->mmap_min_addr;
	if (q->topdown)
		return topdown(mm, q, size, lo, q->high_limit);
	return bottomup(mm, q, size, lo, q->high_limit - 1);
}

/*
 * A hint is used as is when it lies in [mmap_min_addr, end - len] and the
 * first VMA ending above it (with its guard, if it is a stack) starts at
 * or above hint + len.  Only that VMA counts (find_vma_prev() in
 * generic_get_unmapped_area()): the guard of a stack further up, reaching
 * below an intervening VMA, is not looked at.
 */
static bool hint_fits(const struct model_mm *mm, unsigned long addr,
		      unsigned long len, unsigned long end)
{
	int i;

	if (addr < mm->mmap_min_addr || addr > end - len)
		return false;
	for (i = 0; i < mm->nr; i++)
		if (mm->vmas[i].end > addr)
			return addr + len <= guard_start(mm, &mm->vmas[i]);
	return true;
}

/*
 * mm_get_unmapped_area() with the generic arch functions
 * (generic_get_unmapped_area[_topdown]() in mm/mmap.c), no hugetlb file,
 * no shadow stack (so no alignment and no start_gap):
 *  - the end (arch_get_mmap_end()) is map_window, or task_size for a
 *    hint above the window (arm64 with 52-bit VAs; elsewhere the two are
 *    the same);
 *  - len > end - mmap_min_addr: -ENOMEM, even for MAP_FIXED;
 *  - MAP_FIXED: the address, untouched (not even page-aligned);
 *  - a hint is rounded up to a page (wrapping to 0 from the last page)
 *    and used if hint_fits();
 *  - bottom-up: lowest fit in [mmap_base, end);
 *  - top-down: highest fit in [PAGE_SIZE, mmap_base), mmap_base raised
 *    by task_size - map_window for a (rounded) hint above the window
 *    (arch_get_mmap_base()); if that gives an address with low bits set
 *    (any error), the bottom-up search in [TASK_UNMAPPED_BASE, end)
 *    instead.
 */
static unsigned long x86_64_get_unmapped_area(const struct model_mm *mm,
					      unsigned long addr,
					      unsigned long len, bool map_fixed);

unsigned long model_mm_get_unmapped_area(const struct model_mm *mm,
					 unsigned long addr, unsigned long len,
					 bool map_fixed)
{
	const unsigned long end = addr > mm->map_window ? mm->task_size :
							   mm->map_window;
	struct model_area q = { .length = len };
	unsigned long a;

	if (mm->x86_64)
		return x86_64_get_unmapped_area(mm, addr, len, map_fixed);
	if (len > end - mm->mmap_min_addr)
		return MODEL_ENOMEM;
	if (map_fixed)
		return addr;
	if (addr) {
		addr = (addr + PAGE - 1) & ~(PAGE - 1);
		if (hint_fits(mm, addr, len, end))
			return addr;
	}
	if (!mm->topdown) {
		q.low_limit = mm->mmap_base;
		q.high_limit = end;
		return model_vm_unmapped_area(mm, &q);
	}
	q.topdown = true;
	q.low_limit = PAGE;
	q.high_limit = mm->mmap_base;
	if (addr > mm->map_window)
		q.high_limit += mm->task_size - mm->map_window;
	a = model_vm_unmapped_area(mm, &q);
	if (a & (PAGE - 1)) {
		q.topdown = false;
		q.low_limit = mm->unmapped_base;
		q.high_limit = end;
		a = model_vm_unmapped_area(mm, &q);
	}
	return a;
}

/*
 * x86_64's hint test: the first VMA ending above addr (with its guard, if
 * it is a stack) starts at or above addr + len.  Quirk: unlike the
 * generic functions, x86's look at no mmap_min_addr, so a hint below it
 * (even 0) is returned; __get_unmapped_area()'s security check refuses it
 * later.
 */
static bool x86_hint_free(const struct model_mm *mm, unsigned long addr,
			  unsigned long len)
{
	int i;

	for (i = 0; i < mm->nr; i++)
		if (mm->vmas[i].end > addr)
			return addr + len <= guard_start(mm, &mm->vmas[i]);
	return true;
}

/*
 * x86_64's arch_get_unmapped_area() for a 64-bit task (no MAP_32BIT, no
 * file, no shadow stack):
 *  - MAP_FIXED: the address, untouched; no length check at all;
 *  - the end is map_window, or task_size for a hint above the window;
 *    len > end: -ENOMEM;
 *  - a hint is rounded up to a page (wrapping to 0 from the last page:
 *    0 is then a hint like any other) and used if it ends below the end
 *    and x86_hint_free();
 *  - else the lowest fit in [legacy_base, end).
 */
static unsigned long x86_64_bottomup(const struct model_mm *mm,
				     unsigned long addr, unsigned long len,
				     bool map_fixed)
{
	unsigned long end = addr > mm->map_window ? mm->task_size :
						     mm->map_window;
	struct model_area q = { .length = len };

	if (map_fixed)
		return addr;
	if (len > end)
		return MODEL_ENOMEM;
	if (addr) {
		addr = (addr + PAGE - 1) & ~(PAGE - 1);
		if (end - len >= addr && x86_hint_free(mm, addr, len))
			return addr;
	}
	q.low_limit = mm->legacy_base;
	q.high_limit = end;
	return model_vm_unmapped_area(mm, &q);
}

/*
 * x86_64's arch_get_unmapped_area_topdown() (same limits), else
 * x86_64_bottomup():
 *  - len > task_size: -ENOMEM, even for MAP_FIXED; MAP_FIXED: the address;
 *  - a hint is rounded DOWN to a page; it is valid if it ends at or below
 *    task_size and does not straddle map_window (both ends on the same
 *    side of it), and used if valid and x86_hint_free();
 *  - else the highest fit in [PAGE_SIZE, mmap_base), the ceiling raised by
 *    task_size - map_window for a (rounded) hint above the window, valid
 *    or not;
 *  - a result with low bits set (any error): bottom-up with the caller's
 *    hint, unrounded.
 */
static unsigned long x86_64_get_unmapped_area(const struct model_mm *mm,
					      unsigned long addr0,
					      unsigned long len, bool map_fixed)
{
	struct model_area q = { .topdown = true, .length = len };
	unsigned long addr = addr0 & ~(PAGE - 1), a;

	if (!mm->topdown)
		return x86_64_bottomup(mm, addr0, len, map_fixed);
	if (len > mm->task_size)
		return MODEL_ENOMEM;
	if (map_fixed)
		return addr0;
	if (addr0 && mm->task_size - len >= addr &&
	    (addr > mm->map_window) == (addr + len > mm->map_window) &&
	    x86_hint_free(mm, addr, len))
		return addr;
	q.low_limit = PAGE;
	q.high_limit = mm->mmap_base;
	if (addr > mm->map_window)
		q.high_limit += mm->task_size - mm->map_window;
	a = model_vm_unmapped_area(mm, &q);
	if (!(a & (PAGE - 1)))
		return a;
	return x86_64_bottomup(mm, addr0, len, false);
}

/*
 * The PMD-aligned attempt of thp_get_unmapped_area(): false for "not done".
 *  - never on a 32-bit kernel (4ef9ad19e176);
 *  - with the aligned helper, a hint that is free for len is returned as
 *    is, before any other rule (without it, only one free for len + PMD);
 *  - The file range [off, off + len) must contain a whole PMD-aligned
 *    chunk of the file, computed in loff_t (signed) as the kernel does;
 *  - len + PMD and off + len + PMD (unsigned) must not wrap.  With
 *    off >= 0 the first rule has decided already (a len whose padding
 *    wraps makes off + len negative); only a file offset beyond 2^63
 *    (negative off) reaches this test.  With the aligned helper, the
 *    padded range must lie in [0, LLONG_MAX] instead;
 *  - search for len + PMD with the hint and MAP_FIXED of the caller;
 *    failure: not done (the caller searches without padding);
 *  - the result equal to the caller's hint (MAP_FIXED, or a free hint
 *    that was page-aligned already) is returned as is.  Quirk: a free
 *    unaligned hint comes back page-aligned, differs from the hint, and
 *    is then shifted like a search result;
 *  - otherwise the lowest address >= the result congruent to off modulo
 *    PMD, except that in a top-down mm a result that is congruent
 *    already moves up by PMD (to the top of the padded window, commit
 *    96204e15310c), also when the top-down search had fallen back to
 *    bottom-up.
 */
static bool thp_aligned(const struct model_mm *mm, unsigned long addr,
			unsigned long len, long long off, bool map_fixed,
			unsigned long *res)
{
	long long off_end = (long long)((unsigned long)off + len);
	long long chunk = (long long)(((unsigned long)off + PMD - 1) &
				      ~(PMD - 1));
	unsigned long len_pad = len + PMD, ret, shift;

	if (mm->thp_32bit)
		return false;
	/* the aligned helper checks a MAP_FIXED address unpadded */
	if (mm->aligned_helper && map_fixed)
		return false;
	/* and tries a hint with len first: a free one is returned as is */
	if (mm->aligned_helper && addr &&
	    model_mm_get_unmapped_area(mm, addr, len, false) == addr) {
		*res = addr;
		return true;
	}
	if (off_end <= chunk ||
	    (unsigned long)off_end - (unsigned long)chunk < PMD)
		return false;
	if (len_pad < len)
		return false;
	if (mm->aligned_helper) {
		/* the range of the object must fit in loff_t */
		if (off < 0 || len_pad > (unsigned long)(LLONG_MAX - off))
			return false;
	} else if ((unsigned long)off + len_pad < (unsigned long)off) {
		return false;
	}
	ret = model_mm_get_unmapped_area(mm, addr, len_pad, map_fixed);
	if (MODEL_IS_ERR(ret))
		return false;
	/*
	 * Before the series, a result of 0 (the hint 0 "returned as is") was
	 * taken for "not aligned"; since, 0 is an address like any other.
	 */
	if (ret == addr && (addr || !mm->aligned_helper)) {
		*res = addr;
		return addr || mm->aligned_helper;
	}
	shift = ((unsigned long)off - ret) & (PMD - 1);
	*res = (mm->topdown && !shift) ? ret + PMD : ret + shift;
	return true;
}

/* thp_get_unmapped_area(): the aligned attempt, else the plain search. */
unsigned long model_thp_get_unmapped_area(const struct model_mm *mm,
					  unsigned long addr,
					  unsigned long len,
					  unsigned long pgoff, bool map_fixed)
{
	long long off = (long long)(pgoff * PAGE);
	unsigned long a;

	if (thp_aligned(mm, addr, len, off, map_fixed, &a))
		return a;
	return model_mm_get_unmapped_area(mm, addr, len, map_fixed);
}

/*
 * get_unmapped_area() for an anonymous MAP_PRIVATE mapping (pgoff is
 * ignored: anonymous memory counts as offset 0):
 *  - len > TASK_SIZE: -ENOMEM;
 *  - no hint and len a multiple of PMD_SIZE (0 included): the THP
 *    function, else the plain one;
 *  - an address above TASK_SIZE - len: -ENOMEM; not page-aligned:
 *    -EINVAL; below dac_mmap_min_addr without CAP_SYS_RAWIO: -EPERM.
 */
unsigned long model_get_unmapped_area(const struct model_mm *mm,
				      unsigned long addr, unsigned long len,
				      bool map_fixed)
{
	if (len > mm->task_size)
		return MODEL_ENOMEM;
	if (!addr && len % PMD == 0)
		addr = model_thp_get_unmapped_area(mm, addr, len, 0, map_fixed);
	else
		addr = model_mm_get_unmapped_area(mm, addr, len, map_fixed);
	if (MODEL_IS_ERR(addr))
		return addr;
	if (addr > mm->task_size - len)
		return MODEL_ENOMEM;
	if (addr & (PAGE - 1))
		return MODEL_EINVAL;
	if (addr < mm->dac_mmap_min_addr && !mm->cap_sys_rawio)
		return MODEL_EPERM;
	return addr;
}
