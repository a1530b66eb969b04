// SPDX-License-Identifier: GPL-2.0
/*
 * The architecture the build models (ARCH=, scripts/Makefile.config and
 * scripts/Makefile.arm64): its configuration numbers checked against the
 * Kconfig of the tree that was built (VMA_KDIR), and the geometry the
 * extracted headers give checked against what the architecture documents.
 * Catches a configuration of ours that drifted from the kernel's
 * defaults (a page-table level count, a CONT_PTE shift, a PFN mapping size
 * the architecture does not select).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

#ifdef CONFIG_ARM64
#define SRCARCH	"arm64"
#else
#define SRCARCH	"x86"
#endif

static char *kconfig;

static void free_kconfig(void *unused)
{
	free(kconfig);
	kconfig = NULL;
}

/* arch/$SRCARCH/Kconfig of the built tree, read once per test. */
static const char *arch_kconfig(void)
{
	char path[4096];
	FILE *f;
	long n;

	if (kconfig)
		return kconfig;
	snprintf(path, sizeof(path), "%s/arch/%s/Kconfig", VMA_KDIR, SRCARCH);
	f = fopen(path, "r");
	if (!f)
		FAIL("cannot read %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	kconfig = calloc(1, n + 1);
	if (fread(kconfig, 1, n, f) != (size_t)n) {
		fclose(f);
		FAIL("cannot read %s", path);
	}
	fclose(f);
	test_at_teardown(free_kconfig, NULL);
	return kconfig;
}

/*
 * The value of "default V if COND" (COND exactly as written; NULL: the
 * unconditional "default V") in the block of 'config NAME'; -1 if absent.
 */
static long kconfig_default(const char *name, const char *cond)
{
	const char *k = arch_kconfig(), *p, *end;
	char head[128], want[256];

	snprintf(head, sizeof(head), "\nconfig %s\n", name);
	p = strstr(k, head);
	if (!p)
		return -1;
	p += strlen(head);
	end = strstr(p, "\nconfig ");
	if (!end)
		end = p + strlen(p);
	while (p && p < end) {
		const char *line = p, *nl = strchr(p, '\n');
		long v;
		int used = 0;

		while (*line == '\t' || *line == ' ')
			line++;
		if (sscanf(line, "default %ld%n", &v, &used) == 1) {
			const char *rest = line + used;
			size_t len = nl ? (size_t)(nl - rest) : strlen(rest);

			if (cond)
				snprintf(want, sizeof(want), " if %s", cond);
			else
				want[0] = 0;
			if (len == strlen(want) && !strncmp(rest, want, len))
				return v;
		}
		p = nl ? nl + 1 : NULL;
	}
	return -1;
}

/* Is 'select SYMBOL' (with COND after it, or none: NULL) in the Kconfig? */
static bool kconfig_selects(const char *symbol, const char *cond)
{
	char want[256];
	const char *k = arch_kconfig(), *p = k;

	snprintf(want, sizeof(want), "select %s", symbol);
	while ((p = strstr(p, want))) {
		const char *rest = p + strlen(want);
		const char *nl = strchr(rest, '\n');
		char tail[256];
		size_t len = nl ? (size_t)(nl - rest) : strlen(rest);

		p = rest;
		if (*rest != '\n' && *rest != ' ' && *rest != '\t')
			continue;	/* a longer symbol */
		snprintf(tail, sizeof(tail), "%.*s", (int)len, rest);
		if (!cond ? !strstr(tail, " if ") : strstr(tail, cond) != NULL)
			return true;
	}
	return false;
}

#ifdef CONFIG_ARM64
#ifdef CONFIG_ARM64_64K_PAGES
#define GRANULE		"PAGE_SIZE_64KB"
#define GRANULE_PAGES	"ARM64_64K_PAGES"
#elif defined(CONFIG_ARM64_16K_PAGES)
#define GRANULE		"PAGE_SIZE_16KB"
#define GRANULE_PAGES	"ARM64_16K_PAGES"
#else
#define GRANULE		NULL	/* the unconditional default */
#define GRANULE_PAGES	"ARM64_4K_PAGES"
#endif

/* The Kconfig condition of our PGTABLE_LEVELS, for each granule and VA size. */
static const char *levels_cond(void)
{
	if (IS_ENABLED(CONFIG_ARM64_64K_PAGES))
		return "ARM64_64K_PAGES && (ARM64_VA_BITS_48 || ARM64_VA_BITS_52)";
	if (IS_ENABLED(CONFIG_ARM64_16K_PAGES))
		return "ARM64_16K_PAGES && (ARM64_VA_BITS_48 || ARM64_VA_BITS_52)";
	if (CONFIG_ARM64_VA_BITS == 52)
		return "ARM64_4K_PAGES && ARM64_VA_BITS_52";
	return "!ARM64_64K_PAGES && ARM64_VA_BITS_48";
}

/*
 * arm64: PGTABLE_LEVELS, the CONT shifts and the mmap_rnd minimum of our
 * configuration are arch/arm64/Kconfig's defaults for this granule and VA
 * size; PUD PFN mappings exactly when arm64 selects
 * HAVE_ARCH_TRANSPARENT_HUGEPAGE_PUD (it does not).
 */
VMA_TEST(arch_config_matches_kconfig)
{
	ASSERT_EQ(kconfig_default("PGTABLE_LEVELS", levels_cond()),
		  CONFIG_PGTABLE_LEVELS);
	ASSERT_EQ(kconfig_default("ARM64_CONT_PTE_SHIFT", GRANULE),
		  CONFIG_ARM64_CONT_PTE_SHIFT);
	ASSERT_EQ(kconfig_default("ARM64_CONT_PMD_SHIFT", GRANULE),
		  CONFIG_ARM64_CONT_PMD_SHIFT);
	ASSERT_EQ(kconfig_default("ARCH_MMAP_RND_BITS_MIN", GRANULE),
		  CONFIG_ARCH_MMAP_RND_BITS_MIN);
	ASSERT_TRUE(kconfig_selects("HAVE_ARCH_TRANSPARENT_HUGEPAGE", NULL));
	ASSERT_EQ(kconfig_selects("HAVE_ARCH_TRANSPARENT_HUGEPAGE_PUD", NULL),
		  IS_ENABLED(CONFIG_ARCH_SUPPORTS_PUD_PFNMAP));
	ASSERT_TRUE(kconfig_selects("ARCH_WANT_DEFAULT_TOPDOWN_MMAP_LAYOUT", NULL));
	test_info("%s, VA_BITS %d: PGTABLE_LEVELS %d", GRANULE_PAGES,
		  CONFIG_ARM64_VA_BITS, CONFIG_PGTABLE_LEVELS);
}

/*
 * arm64's geometry as its documentation gives it (the contiguous-bit
 * sizes are the series' arch size list): 4K pages: PMD 2M, CONT_PTE 64K,
 * CONT_PMD 32M; 16K: PMD 32M, CONT_PTE 2M, CONT_PMD 1G; 64K: PMD 512M,
 * CONT_PTE 2M, CONT_PMD 16G.  TASK_SIZE is 2^VA_BITS, the window 2^48
 * (2^47 with 16K pages and 52 bits).  Catches a wrong granule or level
 * count in our configuration.
 */
VMA_TEST(arch_arm64_geometry)
{
	const unsigned long cont_pte = P == SZ_4K ? SZ_64K : SZ_2M;
	const unsigned long cont_pmd = P == SZ_4K ? SZ_32M :
				       P == SZ_16K ? SZ_1G : 16UL * SZ_1G;
	const unsigned long pmd = P == SZ_4K ? SZ_2M : P == SZ_16K ? SZ_32M :
				  SZ_512M;

	ASSERT_EQ(P, 1UL << CONFIG_ARM64_PAGE_SHIFT);
	ASSERT_EQ(PMD, pmd);
	ASSERT_EQ(CONT_PTE_SIZE, cont_pte);
	ASSERT_EQ(CONT_PMD_SIZE, cont_pmd);
	ASSERT_EQ(TASK_SIZE, 1UL << CONFIG_ARM64_VA_BITS);
	ASSERT_EQ(DEFAULT_MAP_WINDOW, 1UL << VA_BITS_MIN);
	ASSERT_EQ(TEST_MMAP_BASE, test_mm->mmap_base);
	test_info("PAGE %lu PMD %#lx PUD %#lx CONT_PTE %#lx CONT_PMD %#lx TASK_SIZE %#lx",
		  P, PMD, PUD, CONT_PTE_SIZE, CONT_PMD_SIZE, TASK_SIZE);
}

/*
 * The generic layout (mm/util.c), unlike x86's: an unlimited stack
 * rlimit means the legacy bottom-up layout from TASK_UNMAPPED_BASE.
 * Catches the RLIM_INFINITY rule of mmap_is_legacy() lost.
 */
VMA_TEST(arch_generic_layout_unlimited_stack_is_legacy)
{
	current->signal->rlim[RLIMIT_STACK].rlim_cur = RLIM_INFINITY;
	test_set_topdown(true);
	ASSERT_FALSE(mm_flags_test(MMF_TOPDOWN, test_mm));
	ASSERT_EQ(test_mm->mmap_base, TASK_UNMAPPED_BASE);
	ASSERT_EQ(test_map_anon(0, P, false), TASK_UNMAPPED_BASE);
}

/*
 * 52-bit VAs: a hint above the 48-bit window opens the rest of the space
 * (arch_get_mmap_end/base()); without one, placement stays below the
 * window.  Catches arm64's window hooks not applied.
 */
VMA_TEST(arch_arm64_hint_above_window)
{
	const unsigned long h = DEFAULT_MAP_WINDOW + 16 * PMD;

	if (TASK_SIZE == DEFAULT_MAP_WINDOW)
		SKIP("ARM64_VA_BITS=%d: no space above the window", CONFIG_ARM64_VA_BITS);
	ASSERT_EQ(test_map_anon(0, P, false), TEST_MMAP_BASE - P);
	ASSERT_EQ(test_map_anon(h, P, false), h);
	ASSERT_EQ(test_map_anon(h, P, false),
		  TEST_MMAP_BASE + TASK_SIZE - DEFAULT_MAP_WINDOW - P);
}
#else
/*
 * x86: PGTABLE_LEVELS (5 on x86_64, 3 with PAE), PUD PFN mappings on
 * x86_64 only (HAVE_ARCH_TRANSPARENT_HUGEPAGE_PUD if X86_64), the compat
 * mmap bases with IA32 emulation: arch/x86/Kconfig's.
 */
VMA_TEST(arch_config_matches_kconfig)
{
	ASSERT_EQ(kconfig_default("PGTABLE_LEVELS",
				  IS_ENABLED(CONFIG_X86_64) ? "X86_64" : "X86_PAE"),
		  CONFIG_PGTABLE_LEVELS);
	ASSERT_TRUE(kconfig_selects("HAVE_ARCH_TRANSPARENT_HUGEPAGE_PUD", "X86_64"));
	ASSERT_EQ(IS_ENABLED(CONFIG_ARCH_SUPPORTS_PUD_PFNMAP),
		  IS_ENABLED(CONFIG_X86_64));
	ASSERT_TRUE(kconfig_selects("HAVE_ARCH_COMPAT_MMAP_BASES", "COMPAT"));
	ASSERT_EQ(IS_ENABLED(CONFIG_HAVE_ARCH_COMPAT_MMAP_BASES),
		  IS_ENABLED(CONFIG_COMPAT));
}

VMA_TEST(arch_arm64_geometry)
{
	SKIP("ARCH=%s: arm64's geometry is checked in ARCH=arm64 builds", VMA_ARCH);
}
#endif
