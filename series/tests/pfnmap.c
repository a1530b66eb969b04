// SPDX-License-Identifier: GPL-2.0
/*
 * Placement of PFN mappings (patches/0001, 0004-0005): a driver whose ->huge_fault
 * handler maps a physical range and that declares its first PFN in
 * ->mmap_prepare with vma_desc_set_pfn() gets an address congruent with it
 * modulo the largest size of arch_pfnmap_sizes (PUD_SIZE, else PMD_SIZE)
 * for which the mapping holds a complete block; remap actions
 * (mmap_action_remap*(), mmap_action_ioremap*()), which install PTEs only,
 * and everything else are placed as before.
 *
 * Every test goes through do_mmap() (vm_mmap_pgoff()) with a fake driver:
 *  vfio	vfio-pci: declares the BAR's PFN (drv.pfn + offset), maps
 *		nothing, vm_ops with a ->huge_fault (unless drv.no_huge_fault),
 *		VMA_HUGEPAGE_BIT or VMA_NOHUGEPAGE_BIT if drv.thp_advice says
 *  devmem	/dev/mem: remaps the physical address the offset names
 *  remap	remaps drv.pfn at the start, whatever the offset
 *  ioremap	the same with the I/O remap action
 *  partial	remaps drv.pfn at drv.off into the mapping, drv.size bytes
 *  hybrid	declares drv.pfn like vfio and remaps [drv.off, drv.off +
 *		drv.size) of it, checking the range it is given
 *  nopfn	declares nothing
 *  failing	declares a PFN, then fails
 * Each records the range its ->mmap_prepare saw; remap_pfn_range_prepare()
 * is mm/memory.c's, and the shim records the action that completes.
 *
 * On a tree without the series the tests of placement SKIP; those of what
 * must not move (remap actions, no PFN, failures, MAP_FIXED, hints) run on
 * any tree.
 */
#include "fixture.h"
#include "snapshot.h"
#include "../../shims/harness.h"
#include "../../shims/rcu.h"
#include "../../shims/slab.h"
#include <linux/capability.h>
#include <linux/huge_mm.h>

#define SHARED	(MAP_SHARED)
/* A 1 GiB-aligned BAR at 64 GiB (2 GiB on 32-bit). */
#define BAR_PA	((unsigned long)(IS_ENABLED(CONFIG_64BIT) ? 64ULL << 30 : 2ULL << 30))
/*
 * For the tests that run on any build: an address and a length that fit
 * a 32-bit address space, and that make a PUD block possible on 64-bit.
 */
#define AT	((unsigned long)(IS_ENABLED(CONFIG_64BIT) ? 0x5000000000ULL : 0x50000000ULL))
#define BIG	(IS_ENABLED(CONFIG_64BIT) ? 2 * PUD : 16 * PMD)

/* The largest entry the configuration maps PFNs with. */
#define LARGEST	(IS_ENABLED(CONFIG_ARCH_SUPPORTS_PUD_PFNMAP) ? PUD : PMD)

/* Placement: pfnmap_get_unmapped_area() and vma_desc_set_pfn(). */
#if defined(VMA_HAVE_pfnmap_get_unmapped_area) && defined(VMA_HAVE_vma_desc_set_pfn)
#define REQUIRE_PLACEMENT() REQUIRE_64BIT("no PFN placement without CONFIG_64BIT; " \
	"pfnmap_32bit_* checks that")
#else
#define REQUIRE_PLACEMENT()						\
	SKIP("the tree has no pfnmap_get_unmapped_area()/vma_desc_set_pfn(): "	\
	     "PFN placement (patches/0005) is not applied")
#endif

static struct {
	int calls;
	unsigned long start, end;	/* the range ->mmap_prepare saw */
	unsigned long pfn;		/* what vfio, remap, ... declare */
	unsigned long off, size;	/* partial, hybrid: the remapped part */
	bool no_huge_fault;		/* vfio: vm_ops without ->huge_fault */
	int thp_advice;			/* vfio: 1 VMA_HUGEPAGE, -1 NOHUGEPAGE */
	int error;			/* failing */
} drv;

static void drv_saw(struct vm_area_desc *desc)
{
	drv.calls++;
	drv.start = desc->start;
	drv.end = desc->end;
}

/* What vfio-pci's handler does where the address allows no huge entry. */
static vm_fault_t drv_huge_fault(struct vm_fault *vmf, unsigned int order)
{
	return VM_FAULT_FALLBACK;
}

static const struct vm_operations_struct huge_vm_ops = {
	.huge_fault = drv_huge_fault,
};
#ifdef VMA_HAVE_vma_desc_set_pfn
static const struct vm_operations_struct pte_vm_ops = { };

static int vfio_mmap_prepare(struct vm_area_desc *desc)
{
	drv_saw(desc);
	vma_desc_set_flags(desc, VMA_IO_BIT, VMA_PFNMAP_BIT, VMA_DONTEXPAND_BIT,
			   VMA_DONTDUMP_BIT);
	if (drv.thp_advice > 0)
		vma_desc_set_flags(desc, VMA_HUGEPAGE_BIT);
	else if (drv.thp_advice < 0)
		vma_desc_set_flags(desc, VMA_NOHUGEPAGE_BIT);
	desc->vm_ops = drv.no_huge_fault ? &pte_vm_ops : &huge_vm_ops;
	vma_desc_set_pfn(desc, drv.pfn + desc->pgoff);
	return 0;
}

static int hybrid_mmap_prepare(struct vm_area_desc *desc)
{
	drv_saw(desc);
	if (desc->end - desc->start != drv.size + drv.off ||
	    offset_in_page(desc->start) || desc->end > TASK_SIZE)
		return -EINVAL;
	desc->vm_ops = &huge_vm_ops;
	vma_desc_set_pfn(desc, drv.pfn - (drv.off >> PAGE_SHIFT));
	mmap_action_remap(desc, desc->start + drv.off, drv.pfn, drv.size);
	return 0;
}

static struct page *kpage_array[1];

/* Declares its PFNs and maps a kernel page at its second page. */
static int kpages_mmap_prepare(struct vm_area_desc *desc)
{
	drv_saw(desc);
	desc->vm_ops = &huge_vm_ops;
	vma_desc_set_pfn(desc, drv.pfn);
	mmap_action_map_kernel_pages(desc, desc->start + P, kpage_array, 1);
	return 0;
}
#else
static int vfio_mmap_prepare(struct vm_area_desc *desc)
{
	return -ENODEV;
}

static int hybrid_mmap_prepare(struct vm_area_desc *desc)
{
	return -ENODEV;
}

static int kpages_mmap_prepare(struct vm_area_desc *desc)
{
	return -ENODEV;
}
#endif

static int devmem_mmap_prepare(struct vm_area_desc *desc)
{
	drv_saw(desc);
	mmap_action_remap_full(desc, desc->pgoff);
	return 0;
}

static int remap_mmap_prepare(struct vm_area_desc *desc)
{
	drv_saw(desc);
	desc->vm_ops = &huge_vm_ops;
	mmap_action_remap_full(desc, drv.pfn);
	return 0;
}

static int ioremap_mmap_prepare(struct vm_area_desc *desc)
{
	drv_saw(desc);
	mmap_action_ioremap_full(desc, drv.pfn);
	return 0;
}

static int partial_mmap_prepare(struct vm_area_desc *desc)
{
	drv_saw(desc);
	mmap_action_remap(desc, desc->start + drv.off, drv.pfn, drv.size);
	return 0;
}

static int nopfn_mmap_prepare(struct vm_area_desc *desc)
{
	drv_saw(desc);
	desc->vm_ops = &huge_vm_ops;
	return 0;
}

static int failing_mmap_prepare(struct vm_area_desc *desc)
{
#ifdef VMA_HAVE_vma_desc_set_pfn
	desc->vm_ops = &huge_vm_ops;
	vma_desc_set_pfn(desc, drv.pfn);
#endif
	drv_saw(desc);
	mmap_action_remap_full(desc, drv.pfn);
	return drv.error;
}

static unsigned long drv_gua_addr;

/* ->get_unmapped_area of its own: the mapping goes where it says. */
static unsigned long gua_get_unmapped_area(struct file *file,
		unsigned long addr, unsigned long len, unsigned long pgoff,
		unsigned long flags)
{
	return drv_gua_addr;
}

#define FOPS(name) \
	static const struct file_operations name##_fops = { \
		.mmap_prepare = name##_mmap_prepare, \
	}
FOPS(devmem);
FOPS(remap);
FOPS(ioremap);
FOPS(partial);
FOPS(vfio);
FOPS(nopfn);
FOPS(failing);
FOPS(hybrid);
FOPS(kpages);
static const struct file_operations gua_fops = {
	.mmap_prepare = vfio_mmap_prepare,
	.get_unmapped_area = gua_get_unmapped_area,
};

static struct file *drv_file(const struct file_operations *fops)
{
	memset(&drv, 0, sizeof(drv));
	return test_file_new(fops);
}

static unsigned long map(struct file *f, unsigned long addr,
			 unsigned long len, unsigned long flags,
			 unsigned long pgoff)
{
	return test_mmap(f, addr, len, RW, flags, pgoff);
}

/* Map len bytes, no hint, offset 0, with the driver declaring pa. */
static unsigned long map_pa(struct file *f, unsigned long pa,
			    unsigned long len, unsigned long flags)
{
	drv.pfn = pa >> PAGE_SHIFT;
	return map(f, 0, len, flags, 0);
}

/*
 * f's BAR mapped with no hint lands where any mapping of len would, at the
 * top of the free space (not moved); unmapped again.  A macro, so that a
 * failure names the test's line.
 */
#define ASSERT_BAR_NOT_MOVED(f, len) do {				\
	unsigned long __va = map_pa((f), BAR_PA, (len), SHARED);	\
									\
	ASSERT_EQ(__va, test_mmap_base() - (len));			\
	ASSERT_EQ(test_munmap(__va, (len)), 0);				\
} while (0)

/* Is va congruent with pa modulo s? */
static bool congruent(unsigned long va, unsigned long pa, unsigned long s)
{
	return ((va ^ pa) & (s - 1)) == 0;
}

/*
 * The highest address congruent with pa modulo s at which len bytes end at
 * or below top: where an aligned top-down search puts a mapping in an
 * empty address space under mmap_base.
 */
static unsigned long top_congruent(unsigned long top, unsigned long len,
				   unsigned long pa, unsigned long s)
{
	unsigned long va = (top - len) & ~(s - 1);

	va += pa & (s - 1);
	return va + len > top ? va - s : va;
}

/*
 * Leave [gap, gap + size) the only room for new mappings, between
 * mmap_min_addr and TEST_MAP_TOP: PROT_NONE, MAP_NORESERVE blockers (not
 * charged) around it.
 */
static void leave_one_gap(unsigned long gap, unsigned long size)
{
	const unsigned long lo = PAGE_ALIGN(max(mmap_min_addr, PAGE_SIZE));
	const unsigned long fl = MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED |
				 MAP_NORESERVE;

	ASSERT_EQ(test_mmap(NULL, lo, gap - lo, PROT_NONE, fl, 0), lo);
	ASSERT_EQ(test_mmap(NULL, gap + size, TEST_MAP_TOP - gap - size,
			    PROT_NONE, fl, 0), gap + size);
}

/*
 * Page table entries of each size that can map [va, va + len) when va maps
 * pa: greedy, largest first, as the fault handlers of a PFN mapping would.
 */
struct leaves {
	unsigned long pud, pmd, pte;
};

static struct leaves count_leaves(unsigned long va, unsigned long pa,
				  unsigned long len, bool pud)
{
	const unsigned long end = va + len;
	struct leaves n = { 0, 0, 0 };

	while (va < end) {
		if (pud && !(va & (PUD - 1)) && !(pa & (PUD - 1)) && end - va >= PUD) {
			n.pud++;
			va += PUD;
			pa += PUD;
		} else if (!(va & (PMD - 1)) && !(pa & (PMD - 1)) && end - va >= PMD) {
			n.pmd++;
			va += PMD;
			pa += PMD;
		} else {
			n.pte++;
			va += P;
			pa += P;
		}
	}
	return n;
}

/* The VMA at va is the PFN mapping of [va, va + len), remapped in full. */
#define ASSERT_REMAPPED(va, len, pfn) do {				\
	ASSERT_VMA(test_vma_at(va), (va), (va) + (len), test_vma_at(va)->vm_pgoff); \
	ASSERT_TRUE(test_vma_at(va)->vm_flags & VM_PFNMAP);		\
	ASSERT_EQ(vma_shim_counts.remap_pfn_complete, 1);		\
	ASSERT_EQ(vma_last_remap.remap.start, (unsigned long)(va));	\
	ASSERT_EQ(vma_last_remap.remap.size, (unsigned long)(len));	\
	ASSERT_EQ(vma_last_remap.remap.start_pfn, (unsigned long)(pfn)); \
	ASSERT_EQ(vma_last_remap_vma.vm_start, (unsigned long)(va));	\
} while (0)

/* ---- the 2 GiB BAR at a 1 GiB-aligned physical address ---------------- */

/*
 * A vfio-like driver maps 2 GiB of a 1 GiB-aligned BAR, no hint, top-down,
 * empty address space: the highest 1 GiB-aligned address below mmap_base
 * where it fits, so two PUDs map it.  The driver saw a range of the same
 * length (do_mmap()'s plain choice), once.  Prints the figures of the cover
 * letter: PUD/PMD/PTE entries the address allows, the plain (before the
 * series) address against the chosen one.  Catches: no placement,
 * placement by pgoff or length instead of pa, PMD chosen where PUD fits.
 */
VMA_TEST(pfnmap_2g_bar_pud_congruent_topdown)
{
	const unsigned long len = 2 * PUD, pfn = BAR_PA >> PAGE_SHIFT;
	struct file *f;
	unsigned long plain, va;
	struct leaves before, after;

	REQUIRE_PLACEMENT();
	f = drv_file(&nopfn_fops);
	plain = map(f, 0, len, SHARED, pfn);
	ASSERT_NOT_ERR_VALUE(plain);
	ASSERT_EQ(test_munmap(plain, len), 0);

	f = drv_file(&vfio_fops);
	va = map(f, 0, len, SHARED, pfn);
	ASSERT_NOT_ERR_VALUE(va);
	ASSERT_EQ(va, top_congruent(test_mmap_base(), len, BAR_PA, LARGEST));
	ASSERT_EQ(drv.calls, 1);
	ASSERT_EQ(drv.end - drv.start, len);
	ASSERT_EQ(drv.start, plain);
	ASSERT_EQ(test_vma_count(), 1);
	ASSERT_VMA(test_vma_at(va), va, va + len, pfn);
	ASSERT_EQ(vma_shim_counts.remap_pfn_complete, 0);

	before = count_leaves(plain, BAR_PA, len,
			      IS_ENABLED(CONFIG_ARCH_SUPPORTS_PUD_PFNMAP));
	after = count_leaves(va, BAR_PA, len,
			     IS_ENABLED(CONFIG_ARCH_SUPPORTS_PUD_PFNMAP));
	test_info("figures: 2 GiB BAR at pa %#lx, ->huge_fault driver: plain va %#lx: %lu PUD %lu PMD %lu PTE; placed va %#lx: %lu PUD %lu PMD %lu PTE",
		  BAR_PA, plain, before.pud, before.pmd, before.pte,
		  va, after.pud, after.pmd, after.pte);
	if (IS_ENABLED(CONFIG_ARCH_SUPPORTS_PUD_PFNMAP)) {
		ASSERT_EQ(after.pud, 2);
		ASSERT_EQ(after.pmd + after.pte, 0);
	} else {
		ASSERT_EQ(after.pmd, len / PMD);
	}
}

/*
 * The same bottom-up (legacy layout): the lowest 1 GiB-aligned address at
 * or above mmap_base.
 */
VMA_TEST(pfnmap_2g_bar_pud_congruent_bottomup)
{
	const unsigned long len = 2 * PUD, pfn = BAR_PA >> PAGE_SHIFT;
	unsigned long va;

	REQUIRE_PLACEMENT();
	test_set_topdown(false);
	va = map(drv_file(&vfio_fops), 0, len, SHARED, pfn);
	ASSERT_EQ(va, ALIGN(test_mmap_base(), LARGEST));
}

/* ---- remap actions install PTEs only: they do not move ---------------- */

/*
 * /dev/mem remaps the same 2 GiB BAR: remap_pfn_range() installs PTEs
 * only (mm/memory.c, remap_pmd_range() calls remap_pte_range()), so the
 * mapping takes 524,288 PTEs wherever it is, and a padded search would only
 * cost address space and ASLR bits.  It stays at the plain address, the
 * top of the free space.  Any tree.  Catches placing remap actions (v1 of
 * the series did).
 */
VMA_TEST(pfnmap_devmem_remap_not_moved)
{
	const unsigned long len = 2 * PUD, pfn = BAR_PA >> PAGE_SHIFT;
	unsigned long va;

	REQUIRE_64BIT("the 2 GiB mapping is a 64-bit one; pfnmap_32bit_plain covers i386");
	va = map(drv_file(&devmem_fops), 0, len, SHARED, pfn);
	ASSERT_EQ(va, test_mmap_base() - len);
	ASSERT_EQ(drv.start, va);
	ASSERT_REMAPPED(va, len, pfn);
	test_info("figures: 2 GiB BAR at pa %#lx, /dev/mem remap: va %#lx, %lu PTE (remap_pfn_range() maps PTEs only)",
		  BAR_PA, va, len / P);
}

/*
 * Remap and I/O remap actions of a driver whose vm_ops even has a
 * ->huge_fault (remap) or not (ioremap), at a pa % 2M that the plain
 * address does not match: not moved.  Any tree.  Catches an action type
 * taken for a declared PFN.
 */
VMA_TEST(pfnmap_remap_actions_not_moved)
{
	const unsigned long pa = BAR_PA + 3 * P, len = 16 * PMD;
	unsigned long va;

	va = map_pa(drv_file(&remap_fops), pa, len, SHARED);
	ASSERT_EQ(va, test_mmap_base() - len);
	ASSERT_REMAPPED(va, len, pa >> PAGE_SHIFT);
	ASSERT_EQ(test_munmap(va, len), 0);

	vma_shim_counts.remap_pfn_complete = 0;
	va = map_pa(drv_file(&ioremap_fops), pa, len, SHARED);
	ASSERT_EQ(va, test_mmap_base() - len);
	ASSERT_REMAPPED(va, len, pa >> PAGE_SHIFT);
}

/* A partial remap at an offset: not moved either.  Any tree. */
VMA_TEST(pfnmap_partial_remap_not_moved)
{
	const unsigned long pa = 5 * P, off = 7 * P, size = 6 * PMD;
	const unsigned long len = off + size + 5 * P;
	unsigned long va;
	struct file *f;

	f = drv_file(&partial_fops);
	drv.off = off;
	drv.size = size;
	va = map_pa(f, pa, len, SHARED);
	ASSERT_EQ(va, test_mmap_base() - len);
	ASSERT_EQ(vma_last_remap.remap.start, va + off);
	ASSERT_EQ(vma_last_remap.remap.size, size);
}

/* ---- what the mm checks before moving a declared PFN mapping ---------- */

/*
 * vm_ops without ->huge_fault: the fault path maps PTEs only, so the
 * declared PFN buys nothing and the mapping stays at the plain address.
 * Catches the ->huge_fault check dropped.
 */
VMA_TEST(pfnmap_no_huge_fault_not_moved)
{
	const unsigned long len = 2 * PUD;
	struct file *f;

	REQUIRE_PLACEMENT();
	f = drv_file(&vfio_fops);
	drv.no_huge_fault = true;
	ASSERT_EQ(map_pa(f, BAR_PA, len, SHARED), test_mmap_base() - len);
}

/*
 * THP disabled for the mapping: the fault path does not call ->huge_fault
 * (__thp_vma_allowable_orders()), so no placement.  By prctl
 * (MMF_DISABLE_THP_COMPLETELY), by the hardware
 * (TRANSPARENT_HUGEPAGE_UNSUPPORTED), by the mapping's own VM_NOHUGEPAGE.
 * Catches each check dropped.
 */
VMA_TEST(pfnmap_thp_disabled_not_moved)
{
	const unsigned long len = 2 * PUD;
	unsigned long va;
	struct file *f;

	REQUIRE_PLACEMENT();
	f = drv_file(&vfio_fops);
	mm_flags_set(MMF_DISABLE_THP_COMPLETELY, test_mm);
	ASSERT_BAR_NOT_MOVED(f, len);
	mm_flags_clear(MMF_DISABLE_THP_COMPLETELY, test_mm);

	transparent_hugepage_flags |= 1UL << TRANSPARENT_HUGEPAGE_UNSUPPORTED;
	va = map_pa(f, BAR_PA, len, SHARED);
	transparent_hugepage_flags = 0;
	ASSERT_EQ(va, test_mmap_base() - len);
	ASSERT_EQ(test_munmap(va, len), 0);

	drv.thp_advice = -1;
	ASSERT_BAR_NOT_MOVED(f, len);

	/* and the control: all enabled again, placed */
	drv.thp_advice = 0;
	va = map_pa(f, BAR_PA, len, SHARED);
	ASSERT_EQ(va, top_congruent(test_mmap_base(), len, BAR_PA, LARGEST));
}

/*
 * THP disabled except where advised (prctl PR_THP_DISABLE_EXCEPT_ADVISED):
 * a mapping without VM_HUGEPAGE stays, one with it is placed.  Catches the
 * advice ignored either way.
 */
VMA_TEST(pfnmap_thp_except_advised)
{
	const unsigned long len = 2 * PUD;
	unsigned long va;
	struct file *f;

	REQUIRE_PLACEMENT();
	f = drv_file(&vfio_fops);
	mm_flags_set(MMF_DISABLE_THP_EXCEPT_ADVISED, test_mm);
	ASSERT_BAR_NOT_MOVED(f, len);

	drv.thp_advice = 1;
	va = map_pa(f, BAR_PA, len, SHARED);
	ASSERT_EQ(va, top_congruent(test_mmap_base(), len, BAR_PA, LARGEST));
}

/*
 * Room for len + PMD_SIZE but not len + PUD_SIZE: PMD congruence, inside
 * the only gap (3 pages off a PMD boundary, so the plain address is not
 * congruent).  Top-down: the gap lies below mmap_base; bottom-up: above.
 * Catches giving up after the PUD attempt.
 */
static void room_for_pmd_not_pud(bool topdown)
{
	const unsigned long len = 2 * PUD, pa = BAR_PA + 6 * PMD;
	unsigned long gap, va;
	struct file *f;

	REQUIRE_PLACEMENT();
	test_set_topdown(topdown);
	gap = topdown ? (unsigned long)0x4000000000ULL : ALIGN(test_mmap_base(), PUD) + 4 * PUD;
	gap += 3 * P;
	leave_one_gap(gap, len + 2 * PMD);
	f = drv_file(&vfio_fops);
	va = map_pa(f, pa, len, SHARED);
	ASSERT_NOT_ERR_VALUE(va);
	ASSERT_TRUE(congruent(va, pa, PMD));
	ASSERT_GE(va, gap);
	ASSERT_LE(va + len, gap + len + 2 * PMD);
}

VMA_TEST(pfnmap_room_for_pmd_not_pud)
{
	room_for_pmd_not_pud(true);
}

VMA_TEST(pfnmap_room_for_pmd_not_pud_bottomup)
{
	room_for_pmd_not_pud(false);
}

/*
 * The PUD-congruent area is free but fails the checks every mmap address
 * passes (here security_mmap_addr(): below dac_mmap_min_addr without
 * CAP_SYS_RAWIO, which the search's mmap_min_addr does not exclude): the
 * PMD-congruent area is tried next, in the gap above.  Catches the
 * candidate not checked (an mmap at an address the task may not map) and
 * giving up after a rejected PUD candidate.
 */
VMA_TEST(pfnmap_rejected_pud_candidate_pmd_next)
{
	const unsigned long len = PUD, pa = BAR_PA;
	const unsigned long hi = (unsigned long)0x4000000000ULL + 3 * P;
	const unsigned long fl = MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED |
				 MAP_NORESERVE;
	const unsigned long lo = PAGE_ALIGN(max(mmap_min_addr, PAGE_SIZE));
	unsigned long va;
	struct file *f;

	REQUIRE_PLACEMENT();
	if (!IS_ENABLED(CONFIG_ARCH_SUPPORTS_PUD_PFNMAP))
		SKIP("!CONFIG_ARCH_SUPPORTS_PUD_PFNMAP: no PUD candidate to reject");
	/* free: [PUD, 4 * PUD) (room for len + PUD) and [hi, hi + len + 2M) */
	ASSERT_EQ(test_mmap(NULL, lo, PUD - lo, PROT_NONE, fl, 0), lo);
	ASSERT_EQ(test_mmap(NULL, 4 * PUD, hi - 4 * PUD, PROT_NONE, fl, 0),
		  4 * PUD);
	ASSERT_EQ(test_mmap(NULL, hi + len + 2 * PMD,
			    TEST_MAP_TOP - hi - len - 2 * PMD, PROT_NONE, fl, 0),
		  hi + len + 2 * PMD);
	dac_mmap_min_addr = 4 * PUD;
	vma_task_set_capable(CAP_SYS_RAWIO, false);

	f = drv_file(&vfio_fops);
	va = map_pa(f, pa, len, SHARED);
	ASSERT_NOT_ERR_VALUE(va);
	ASSERT_GE(va, hi);
	ASSERT_TRUE(congruent(va, pa, PMD));
	ASSERT_EQ(drv.start, hi + 2 * PMD);
}

/*
 * Room for len only: the plain address, not an error.  Runs on any tree
 * (no placement there: the same address).  Catches alignment turning a
 * satisfiable mmap into -ENOMEM.
 */
VMA_TEST(pfnmap_room_for_len_only_plain)
{
	const unsigned long len = 2 * PUD, gap = (unsigned long)0x4000000000ULL + 3 * P;

	REQUIRE_PLACEMENT();
	leave_one_gap(gap, len);
	ASSERT_EQ(map(drv_file(&vfio_fops), 0, len, SHARED,
		      BAR_PA >> PAGE_SHIFT), gap);
}

/* ---- pa, not pgoff, decides ---------------------------------------- */

/*
 * DPDK maps a BAR around its MSI-X table: [0, 2M) and [2M + 4K, 64M).  The
 * second mapping starts 4 KiB into a 2 MiB block of the BAR, so it gets
 * va % 2M == 4K and PMDs from its second megabytes on.
 */
VMA_TEST(pfnmap_msi_hole_vfio)
{
	const unsigned long off2 = PMD + P, len2 = 32 * PMD - off2;
	struct file *f;
	unsigned long va1, va2;

	REQUIRE_PLACEMENT();
	f = drv_file(&vfio_fops);
	drv.pfn = BAR_PA >> PAGE_SHIFT;
	va1 = map(f, 0, PMD, SHARED, 0);
	ASSERT_NOT_ERR_VALUE(va1);
	ASSERT_TRUE(congruent(va1, BAR_PA, PMD));
	va2 = map(f, 0, len2, SHARED, off2 >> PAGE_SHIFT);
	ASSERT_NOT_ERR_VALUE(va2);
	ASSERT_EQ(va2 & (PMD - 1), P);
	/* PMDs from the first 2 MiB boundary on, to the end. */
	ASSERT_EQ(count_leaves(va2, BAR_PA + off2, len2, true).pmd,
		  (len2 - (PMD - P)) / PMD);
	ASSERT_EQ(vma_shim_counts.remap_pfn_complete, 0);
}

/*
 * A driver maps offset 0 to a PFN whose pa % 2M is 0x3000: va % 2M ==
 * 0x3000, although pgoff % 2M == 0.  Catches placing by pgoff.
 */
VMA_TEST(pfnmap_pa_not_pgoff)
{
	const unsigned long pa = BAR_PA + 3 * P, len = 16 * PMD;
	unsigned long va;

	REQUIRE_PLACEMENT();
	va = map_pa(drv_file(&vfio_fops), pa, len, SHARED);
	ASSERT_EQ(va & (PMD - 1), 3 * P);
}

/*
 * A 1 GiB mapping 2 MiB into a 1 GiB block of pa holds no complete 1 GiB
 * block: no PUD alignment (it would cost a gigabyte of address space for
 * nothing), PMD congruence at the top of the window.  Catches the block
 * rule dropped.
 */
VMA_TEST(pfnmap_no_pud_block_pmd)
{
	const unsigned long len = PUD, pa = BAR_PA + PMD;
	unsigned long va;

	REQUIRE_PLACEMENT();
	va = map_pa(drv_file(&vfio_fops), pa, len, SHARED);
	ASSERT_EQ(va, top_congruent(test_mmap_base(), len, pa, PMD));
}

/*
 * A mapping that starts 2 MiB below a 1 GiB boundary of pa and runs
 * 1 GiB + 4 MiB holds the complete 1 GiB block after that boundary: PUD
 * congruence.  Catches the distance to the first boundary computed the
 * wrong way (pa % 1G instead of -pa % 1G).
 */
VMA_TEST(pfnmap_holds_pud_block)
{
	const unsigned long len = PUD + 2 * PMD, pa = BAR_PA + PUD - PMD;
	unsigned long va;

	REQUIRE_PLACEMENT();
	if (!IS_ENABLED(CONFIG_ARCH_SUPPORTS_PUD_PFNMAP))
		SKIP("!CONFIG_ARCH_SUPPORTS_PUD_PFNMAP: pfnmap_no_pud_block_pmd covers PMDs");
	va = map_pa(drv_file(&vfio_fops), pa, len, SHARED);
	ASSERT_EQ(va, top_congruent(test_mmap_base(), len, pa, PUD));
}

/*
 * mmap_min_addr 0, bottom-up from 0: the plain address is 0, with no hint.
 * 0 is not a hint: the mapping is placed, at 0x3000 for pa % 2M == 0x3000.
 * Catches "addr == hint" taken for a honoured hint when both are 0.
 */
VMA_TEST(pfnmap_address_zero_is_no_hint)
{
	const unsigned long pa = BAR_PA + 3 * P, len = 4 * PMD;
	unsigned long va;
	struct file *f;

	REQUIRE_PLACEMENT();
	mmap_min_addr = dac_mmap_min_addr = 0;
	test_set_topdown(false);
	test_set_mmap_base(0);
	f = drv_file(&vfio_fops);
	va = map_pa(f, pa, len, SHARED);
	ASSERT_EQ(drv.start, 0);
	ASSERT_EQ(va, 3 * P);
}

/*
 * A driver that declares its PFNs and also maps a kernel page at its second
 * page: that action moves with the mapping too.  Catches the action left
 * at the old address.
 */
VMA_TEST(pfnmap_kernel_pages_action_moves)
{
	const unsigned long len = 2 * PUD;
	unsigned long va;
	struct file *f;

	REQUIRE_PLACEMENT();
	test_unaligned_mmap_base();	/* so that the plain address moves */
	f = drv_file(&kpages_fops);
	va = map_pa(f, BAR_PA, len, SHARED);
	ASSERT_NE(va, drv.start);
	ASSERT_TRUE(congruent(va, BAR_PA, LARGEST));
	ASSERT_EQ(vma_last_map_kernel.map_kernel.start, va + P);
}

/*
 * PFN 0 is a PFN: a driver that declares it gets the 1 GiB-aligned
 * placement.  Catches "no PFN" taken to mean PFN 0.
 */
VMA_TEST(pfnmap_vfio_pfn_zero)
{
	const unsigned long len = 2 * PUD;
	unsigned long va;

	REQUIRE_PLACEMENT();
	va = map_pa(drv_file(&vfio_fops), 0, len, SHARED);
	ASSERT_EQ(va, top_congruent(test_mmap_base(), len, 0, LARGEST));
}

/*
 * Declared PFNs that run past the last PFN: a driver bug, a WARN and no
 * placement.  Catches the check dropped (a placement from a wrapped pa).
 */
VMA_TEST(pfnmap_wrapping_pfns_warn)
{
	const unsigned long len = 4 * PMD;
	unsigned long va;
	struct file *f;

	REQUIRE_PLACEMENT();
	test_expect_kernel_warnings(1);
	f = drv_file(&vfio_fops);
	drv.pfn = ~0UL - 3;
	va = map(f, 0, len, SHARED, 0);
	ASSERT_EQ(va, test_mmap_base() - len);
	ASSERT_EQ(vma_kernel_warnings, 1);
}

/*
 * Bottom-up, the first gap that fits the mapping is too small for the
 * padded search, which finds a gap above the next VMA: the mapping moves
 * up, past that VMA, which must stay as it is (the move must start the
 * overlap search again from the new address, or it would take the VMA in
 * between for one the mapping replaces).
 */
VMA_TEST(pfnmap_moves_up_past_a_vma)
{
	const unsigned long len = 8 * PMD, pa = BAR_PA + 3 * P;
	unsigned long base, x, va;
	struct test_snapshot before;
	struct file *f;

	REQUIRE_PLACEMENT();
	test_set_topdown(false);
	base = test_mmap_base();
	/* [base, base + len + 5 pages) free, then X, then free */
	ASSERT_EQ(test_map_anon(base - P, P, true), base - P);
	x = base + len + 5 * P;
	ASSERT_EQ(test_map_anon(x, PMD, true), x);
	test_snapshot_take(&before);
	f = drv_file(&vfio_fops);
	va = map_pa(f, pa, len, SHARED);
	ASSERT_EQ(drv.start, base);
	ASSERT_GE(va, x + PMD);
	ASSERT_TRUE(congruent(va, pa, PMD));
	ASSERT_VMA(test_vma_at(x), x, x + PMD, x >> PAGE_SHIFT);
	ASSERT_VMA(test_vma_at(va), va, va + len, 0);
	ASSERT_EQ(test_vma_count(), before.nr + 1);
}

/*
 * PMD only (KCONFIG_DISABLE=CONFIG_ARCH_SUPPORTS_PUD_PFNMAP, the
 * pmd-pfnmap variant of run.sh): the 2 GiB BAR gets PMD congruence at the
 * top of the window, never the PUD-aligned address.  Catches the PUD
 * attempt made without the architecture's support.
 */
VMA_TEST(pfnmap_pmd_only_arch)
{
	const unsigned long len = 2 * PUD;
	unsigned long va;

	REQUIRE_PLACEMENT();
	if (IS_ENABLED(CONFIG_ARCH_SUPPORTS_PUD_PFNMAP))
		SKIP("CONFIG_ARCH_SUPPORTS_PUD_PFNMAP: runs in the pmd-pfnmap variant");
	test_set_mmap_base((unsigned long)0x7f0000000000ULL + PUD / 2);
	va = map(drv_file(&vfio_fops), 0, len, SHARED, BAR_PA >> PAGE_SHIFT);
	ASSERT_EQ(va, top_congruent(test_mmap_base(), len, BAR_PA, PMD));
	ASSERT_NE(va & (PUD - 1), 0);
}

/* ---- what must not move --------------------------------------------- */

/*
 * A free hint wins, even unaligned: /dev/mem on any tree, the declared PFN
 * with the series.  Catches placement ignoring the hint.
 */
VMA_TEST(pfnmap_free_hint_wins)
{
	const unsigned long hint = AT + 3 * P, len = BIG;

	ASSERT_EQ(map(drv_file(&devmem_fops), hint, len, SHARED,
		      BAR_PA >> PAGE_SHIFT), hint);
	ASSERT_EQ(vma_last_remap.remap.start, hint);
}

VMA_TEST(pfnmap_free_hint_wins_declared)
{
	const unsigned long hint = AT + 3 * P, len = BIG;

	REQUIRE_PLACEMENT();
	ASSERT_EQ(map(drv_file(&vfio_fops), hint, len, SHARED,
		      BAR_PA >> PAGE_SHIFT), hint);
	ASSERT_EQ(drv.start, hint);
}

/*
 * A hint that is taken is no hint: the mapping is placed by its PFN.
 */
VMA_TEST(pfnmap_busy_hint_placed)
{
	const unsigned long hint = AT + 3 * P, len = 2 * PUD;
	unsigned long va;

	REQUIRE_PLACEMENT();
	test_unaligned_mmap_base();	/* so that the plain address moves */
	ASSERT_EQ(test_map_anon(hint, P, true), hint);
	va = map(drv_file(&vfio_fops), hint, len, SHARED, BAR_PA >> PAGE_SHIFT);
	ASSERT_NOT_ERR_VALUE(va);
	ASSERT_TRUE(congruent(va, BAR_PA, LARGEST));
	ASSERT_NE(va, drv.start);
}

/* MAP_FIXED at an unaligned address stays there.  Any tree. */
VMA_TEST(pfnmap_fixed_not_moved)
{
	const unsigned long at = AT + 3 * P, len = BIG;

	ASSERT_EQ(map(drv_file(&devmem_fops), at, len, SHARED | MAP_FIXED,
		      BAR_PA >> PAGE_SHIFT), at);
	ASSERT_REMAPPED(at, len, BAR_PA >> PAGE_SHIFT);
}

VMA_TEST(pfnmap_fixed_not_moved_declared)
{
	const unsigned long at = AT + 3 * P, len = BIG;

	REQUIRE_PLACEMENT();
	ASSERT_EQ(map(drv_file(&vfio_fops), at, len, SHARED | MAP_FIXED,
		      BAR_PA >> PAGE_SHIFT), at);
	ASSERT_VMA(test_vma_at(at), at, at + len, BAR_PA >> PAGE_SHIFT);
}

/*
 * MAP_FIXED over existing mappings replaces them: the old VMAs are gone,
 * the new one is exactly there, the counters are right.  Any tree.
 */
VMA_TEST(pfnmap_fixed_replaces)
{
	const unsigned long at = AT, len = 4 * PMD;

	ASSERT_EQ(test_map_anon(at - PMD, 2 * PMD, true), at - PMD);
	ASSERT_EQ(test_map_anon(at + 3 * PMD, 2 * PMD, true), at + 3 * PMD);
	ASSERT_EQ(map(drv_file(&devmem_fops), at, len, SHARED | MAP_FIXED,
		      BAR_PA >> PAGE_SHIFT), at);
	ASSERT_REMAPPED(at, len, BAR_PA >> PAGE_SHIFT);
	ASSERT_VMA(test_vma_at(at - PMD), at - PMD, at, (at - PMD) >> PAGE_SHIFT);
	ASSERT_VMA(test_vma_at(at + len), at + len, at + len + PMD,
		   (at + len) >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_count(), 3);
	ASSERT_EQ(test_mm->total_vm, (2 * PMD + len) >> PAGE_SHIFT);
}

/*
 * A driver with its own ->get_unmapped_area places its mappings itself,
 * even if it declares a PFN.  Catches placement overriding the file's.
 */
VMA_TEST(pfnmap_own_get_unmapped_area_kept)
{
	struct file *f;

	REQUIRE_PLACEMENT();
	f = drv_file(&gua_fops);
	drv.pfn = BAR_PA >> PAGE_SHIFT;
	drv_gua_addr = AT + 3 * P;
	ASSERT_EQ(map(f, 0, BIG, SHARED, 0), drv_gua_addr);
}

/*
 * A driver that declares no PFN gets the plain address: the top of the
 * free space under mmap_base, unaligned, although its offset is 1 GiB
 * aligned.  Any tree.  Catches placement without a declaration (by pgoff).
 */
VMA_TEST(pfnmap_no_pfn_plain)
{
	const unsigned long len = 2 * PUD + 5 * P;
	unsigned long va;

	va = map(drv_file(&nopfn_fops), 0, len, SHARED, BAR_PA >> PAGE_SHIFT);
	ASSERT_EQ(va, test_mmap_base() - len);
	ASSERT_EQ(drv.start, va);
	ASSERT_EQ(vma_shim_counts.remap_pfn_complete, 0);
}

/* The same request from a compat task: no forced alignment. */
VMA_TEST(pfnmap_compat_plain)
{
	const unsigned long len = 4 * PMD + 5 * P;

	REQUIRE_PLACEMENT();
	test_set_compat(true);
	ASSERT_EQ(map(drv_file(&vfio_fops), 0, len, SHARED,
		      BAR_PA >> PAGE_SHIFT), test_mmap_base() - len);
}

/* A 32-bit kernel (M32=1): no forced alignment either. */
VMA_TEST(pfnmap_32bit_plain)
{
	const unsigned long len = 4 * PMD + 5 * P;

	REQUIRE_32BIT();
	ASSERT_EQ(map(drv_file(&devmem_fops), 0, len, SHARED, 0x80000),
		  test_mmap_base() - len);
#ifdef VMA_HAVE_vma_desc_set_pfn
	ASSERT_EQ(test_munmap(test_mmap_base() - len, len), 0);
	ASSERT_EQ(map(drv_file(&vfio_fops), 0, len, SHARED, 0x80000),
		  test_mmap_base() - len);
#endif
}

/* ---- the driver's view ---------------------------------------------- */

/*
 * A driver that declares its PFNs, checks the range it is given and remaps
 * part of it relative to its start: it sees a page-aligned range of the
 * mapping's length, once, and its action lands at the same offset into
 * the VMA after the move.  Catches the remap action left behind.
 */
VMA_TEST(pfnmap_driver_reading_range)
{
	const unsigned long off = 3 * P, size = 2 * PUD;
	unsigned long va;
	struct file *f;

	REQUIRE_PLACEMENT();
	test_unaligned_mmap_base();	/* so that the plain address moves */
	f = drv_file(&hybrid_fops);
	drv.off = off;
	drv.size = size;
	va = map_pa(f, BAR_PA, off + size, SHARED);
	ASSERT_NOT_ERR_VALUE(va);
	ASSERT_EQ(drv.calls, 1);
	ASSERT_NE(va, drv.start);
	ASSERT_TRUE(congruent(va + off, BAR_PA, LARGEST));
	ASSERT_EQ(vma_last_remap.remap.start, va + off);
	ASSERT_EQ(vma_last_remap_vma.vm_start, va);
	ASSERT_EQ(vma_last_remap_vma.vm_end, va + off + size);
}

/*
 * A private (CoW) mapping that declares its PFNs and remaps all of itself
 * gets vm_pgoff = pfn from the real remap_pfn_range_prepare(); it moves
 * like a shared one, its CoW pages indexed from where it is now.
 */
VMA_TEST(pfnmap_private_cow_pgoff)
{
	const unsigned long len = 2 * PUD;
	unsigned long va;
	struct file *f;

	REQUIRE_PLACEMENT();
	f = drv_file(&hybrid_fops);
	drv.size = len;
	va = map_pa(f, BAR_PA, len, MAP_PRIVATE);
	ASSERT_TRUE(congruent(va, BAR_PA, LARGEST));
	ASSERT_REMAPPED(va, len, BAR_PA >> PAGE_SHIFT);
	ASSERT_EQ(test_vma_at(va)->vm_pgoff, BAR_PA >> PAGE_SHIFT);
#ifdef VMA_HAVE_vma_start_anon_pgoff
	ASSERT_EQ(vma_start_anon_pgoff(test_vma_at(va)), va >> PAGE_SHIFT);
#endif
}

/* ---- failures leave the address space as it was -------------------- */

/*
 * ->mmap_prepare fails after declaring a PFN: the error comes back and
 * nothing changed.  Any tree (MAP_FIXED: mmap_file.c's
 * mmap_prepare_error_fixed_*).  Catches a VMA left behind, a placement
 * done before the hook's result is checked, a leaked file reference (the
 * fixture).
 */
VMA_TEST(pfnmap_prepare_failure_unchanged)
{
	struct test_snapshot before;
	struct file *f;

	ASSERT_EQ(test_map_anon(AT, 4 * PMD, true), AT);
	f = drv_file(&failing_fops);
	drv.pfn = BAR_PA >> PAGE_SHIFT;
	drv.error = -EIO;
	test_snapshot_take(&before);
	ASSERT_EQ(map(f, 0, BIG, SHARED, 0), (unsigned long)-EIO);
	ASSERT_SNAPSHOT(&before);
	ASSERT_EQ(drv.calls, 1);
}

/*
 * The remap action's own preparation fails (a private mapping may only
 * remap all of itself): the same.
 */
VMA_TEST(pfnmap_action_failure_unchanged)
{
	struct test_snapshot before;
	struct file *f;

	ASSERT_EQ(test_map_anon(AT, 4 * PMD, true), AT);
	f = drv_file(&partial_fops);
	drv.pfn = BAR_PA >> PAGE_SHIFT;
	drv.off = P;
	drv.size = BIG;
	test_snapshot_take(&before);
	ASSERT_EQ(map(f, 0, BIG + 2 * P, MAP_PRIVATE, 0),
		  (unsigned long)-EINVAL);
	ASSERT_SNAPSHOT(&before);
}

/*
 * Every allocation of a placed PFN mmap failed in turn: each failure
 * returns -ENOMEM with the address space and the allocator as they were;
 * the first run that succeeds is placed.  Catches a leak or a half-linked
 * VMA on an error path after the move.
 */
VMA_TEST(pfnmap_every_allocation_failure_clean)
{
	const unsigned long len = 2 * PUD;
	struct test_snapshot before;
	unsigned long n, va = -ENOMEM, live;
	struct file *f;

	REQUIRE_PLACEMENT();
	ASSERT_EQ(test_map_anon(AT, 4 * PMD, true), AT);
	f = drv_file(&vfio_fops);
	drv.pfn = BAR_PA >> PAGE_SHIFT;
	test_snapshot_take(&before);
	for (n = 1; n < 100 && IS_ERR_VALUE(va); n++) {
		vma_rcu_barrier();
		live = slab_live_objects();
		test_fail_allocation(n);
		va = map(f, 0, len, SHARED, 0);
		test_fail_allocation(0);
		if (IS_ERR_VALUE(va)) {
			ASSERT_EQ(va, (unsigned long)-ENOMEM);
			vma_rcu_barrier();
			ASSERT_EQ(slab_live_objects(), live);
			ASSERT_SNAPSHOT(&before);
		}
	}
	ASSERT_GT(n, 2);
	ASSERT_TRUE(congruent(va, BAR_PA, LARGEST));
	ASSERT_EQ(test_vma_count(), 2);
}
