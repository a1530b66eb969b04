# SPDX-License-Identifier: GPL-2.0
#
# Userland VMA test suite: compiles the kernel's own mm/vma.c, mm/vma_init.c,
# mm/vma_exec.c, mm/mmap.c and lib/maple_tree.c, unmodified, from a kernel
# tree (KDIR) into one binary, ./vma, against the shadow headers in linux/,
# the stand-ins in shims/ and the tests in tests/.  'make help' says how.

# ---------------------------------------------------------------------------
# User variables

KVER	?= 7.3
# the patch series applied on top of KDIR: a directory with a 'series'
# file, an mbox, or 'none'.  Default: ours on the fetched release it is
# against; none on a tree of your own (KDIR=), tested as it is.
# The series is against SERIES_KVER; other releases are built as they are.
SERIES_KVER := 7.3
ifeq ($(origin KDIR)$(KVER),undefined$(SERIES_KVER))
SERIES	?= $(srctree)/patches
else
SERIES	?= none
endif
CACHE	?= $(or $(VMA_CACHE),$(if $(XDG_CACHE_HOME),$(XDG_CACHE_HOME)/vma-test),$(HOME)/.cache/vma-test)
SAN	?= 1
V	?= 0
PYTHON	?= python3
# kbuild-check: kbuild's W= (extra warnings; errors with CONFIG_WERROR)
KBUILD_W ?= 1
# Make's built-in default is 'cc'; the suite is written against gcc.
ifeq ($(origin CC),default)
CC	:= gcc
endif

# Our kconfig: each word becomes '#define CONFIG_X 1', or with '=VALUE',
# '#define CONFIG_X VALUE', in generated/generated/autoconf.h.
KCONFIG := CONFIG_MMU CONFIG_64BIT CONFIG_X86_64 CONFIG_X86 \
	   CONFIG_TRANSPARENT_HUGEPAGE CONFIG_PER_VMA_LOCK \
	   CONFIG_PHYS_ADDR_T_64BIT CONFIG_DEBUG_VM CONFIG_DEBUG_MAPLE_TREE \
	   CONFIG_MAPLE_SEARCH CONFIG_ARCH_SUPPORTS_HUGE_PFNMAP \
	   CONFIG_ARCH_SUPPORTS_PMD_PFNMAP CONFIG_ARCH_SUPPORTS_PUD_PFNMAP \
	   CONFIG_PGTABLE_LEVELS=4 CONFIG_PAGE_SHIFT=12 \
	   CONFIG_X86_L1_CACHE_SHIFT=6
# tools/testing/shared's generated/map-shift.h and generated/bit-length.h
XA_CHUNK_SHIFT	:= 6
LONG_BIT	:= 64

# M32=1: a real 32-bit build, -m32, of an i386 configuration, so that the
# !CONFIG_64BIT paths of the code under test are built and run.  Every M32
# difference is here (M32_FLAGS goes on every compile and the link).
# X86_PAE (PGTABLE_LEVELS=3, 2M PMDs) as on distribution i386 kernels;
# arch/x86/Kconfig: PAE selects PHYS_ADDR_T_64BIT, PAGE_OFFSET is the
# default 3G/1G split.  (bit-length.h, in tools' format, says
# PHYS_ADDR_T_32BIT; no object includes it.)  Use its own O=.
M32	?= 0
ifeq ($(M32),1)
KCONFIG := $(filter-out CONFIG_64BIT CONFIG_X86_64 CONFIG_PGTABLE_LEVELS=% \
		CONFIG_ARCH_SUPPORTS_PUD_PFNMAP,$(KCONFIG)) \
	   CONFIG_X86_32 CONFIG_X86_PAE CONFIG_PGTABLE_LEVELS=3 \
	   CONFIG_PAGE_OFFSET=0xC0000000
LONG_BIT	:= 32
M32_FLAGS	:= -m32
M32_PREREQS	:= m32
else ifneq ($(M32),0)
$(error M32=$(M32): use M32=1 (i386 build) or M32=0)
endif

# KCONFIG_DISABLE="CONFIG_A CONFIG_B": build without those options, e.g. an
# architecture that maps PFNs with PMDs but not PUDs.  Use its own O=.
KCONFIG_DISABLE ?=
ifneq ($(filter-out $(KCONFIG),$(KCONFIG_DISABLE)),)
$(error KCONFIG_DISABLE: $(filter-out $(KCONFIG),$(KCONFIG_DISABLE)) not in this build's options ($(KCONFIG)))
endif
KCONFIG := $(filter-out $(KCONFIG_DISABLE),$(KCONFIG))

# ---------------------------------------------------------------------------
# Make itself

MAKEFLAGS += -r --no-print-directory
.DEFAULT_GOAL := all
.SUFFIXES:
.DELETE_ON_ERROR:

# Parallel by default: 'make' means 'make -j$(nproc)'.  A -j given on the
# command line wins (GNU make 4.3 keeps the command line's job count over
# this one); a sub-make (MAKELEVEL > 0) uses its parent's jobserver.
ifeq ($(MAKELEVEL)$(filter -j%,$(MAKEFLAGS)),0)
MAKEFLAGS += -j$(shell nproc 2>/dev/null || echo 1)
endif

srctree	:= $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
O	?= $(srctree)
override O := $(abspath $(O))
G	:= $(O)/generated
objtree	:= $(G)/obj
VMA	:= $(O)/vma

ifeq ($(V),1)
Q	:=
msg	=
else
Q	:= @
msg	= @printf '  %-7s %s\n' '$(1)' '$(2)';
endif

# Goals that need no kernel tree (and no prerequisite check).
NOKDIR_GOALS	:= help clean
GOALS		:= $(or $(MAKECMDGOALS),all)
KDIR_GOALS	:= $(filter-out $(NOKDIR_GOALS),$(GOALS))
BUILD_GOALS	:= $(filter-out $(NOKDIR_GOALS) check,$(GOALS))

# 'make clean all' must not clean in parallel with the build.
ifneq ($(filter clean,$(GOALS)),)
ifneq ($(KDIR_GOALS),)
.NOTPARALLEL:
endif
endif

# ---------------------------------------------------------------------------
# Prerequisites and the kernel tree (only for goals that need them)

ifneq ($(KDIR_GOALS),)

# scripts/prereqs.sh installs what is missing (as root) or names the
# apt-get line and fails.  'make check' and run.sh set VMA_PREREQS_DONE
# for the sub-makes they start, so that it runs once.
ifeq ($(VMA_PREREQS_DONE),)
PREREQS_STATUS := $(shell CC='$(CC)' SAN='$(SAN)' '$(srctree)/scripts/prereqs.sh' \
	build $(if $(filter check,$(GOALS)),check) \
	$(if $(filter coverage,$(GOALS)),coverage) \
	$(if $(filter kbuild-check,$(GOALS)),kbuild) $(M32_PREREQS) >&2; echo $$?)
ifneq ($(PREREQS_STATUS),0)
$(error missing prerequisites (see above); install them and run make again)
endif
endif

KDIR_NEEDS := mm/vma.c mm/mmap.c lib/maple_tree.c include/linux/mm.h tools/include
kdir_missing = $(firstword $(if $(wildcard $(1)/.),,.) \
		$(foreach f,$(KDIR_NEEDS),$(if $(wildcard $(1)/$(f)),,$(f))))

ifeq ($(KDIR),)
KDIR := $(shell '$(srctree)/scripts/fetch-kernel.sh' '$(KVER)' '$(CACHE)')
ifneq ($(.SHELLSTATUS),0)
$(error could not fetch linux-source-$(KVER) into $(CACHE) (see above); fix that, or pass KDIR=/path/to/linux-$(KVER))
endif
ifneq ($(call kdir_missing,$(KDIR)),)
$(error scripts/fetch-kernel.sh gave '$(KDIR)', not a kernel source tree (no $(call kdir_missing,$(KDIR))); remove it from $(CACHE) or pass KDIR=/path/to/linux)
endif
else
ifneq ($(call kdir_missing,$(KDIR)),)
$(error KDIR=$(KDIR) is not a kernel source tree ($(if $(filter .,$(call kdir_missing,$(KDIR))),no such directory,no $(call kdir_missing,$(KDIR)))); use KDIR=/path/to/linux or omit KDIR to fetch linux-source-$(KVER))
endif
endif
override KDIR := $(realpath $(KDIR))

# SERIES: apply a patch series to private copies of the files it touches
# (scripts/apply-series.sh) and build that overlay tree; KDIR_ORIG stays
# the tree as it is, for what must be compared with the unpatched code.
KDIR_ORIG := $(KDIR)
ifneq ($(SERIES),none)
override KDIR := $(shell '$(srctree)/scripts/apply-series.sh' '$(SERIES)' \
			'$(KDIR_ORIG)' '$(G)/series')
ifneq ($(.SHELLSTATUS),0)
$(error SERIES=$(SERIES) could not be applied to $(KDIR_ORIG) (see above))
endif
SERIES_STAMP := $(file <$(G)/series/files)
endif

endif # KDIR_GOALS

# ---------------------------------------------------------------------------
# Translation units.  One object per source file; the group a source is in
# gives its flags, and CFLAGS_<source> (source as listed here) adds to them,
# as in kbuild.

# kernel: files of KDIR, compiled with -include vma_internal.h
kernel-srcs	:= mm/vma.c mm/vma_init.c mm/vma_exec.c mm/mmap.c
# usershim: userspace implementations built on the kernel's tools headers
# only (shims/maple_tree.c #includes KDIR's lib/maple_tree.c)
usershim-srcs	:= $(patsubst $(srctree)/%,%,$(wildcard \
			$(srctree)/shims/maple_tree.c $(srctree)/shims/slab.c \
			$(srctree)/shims/fault.c))
# shim: every other shims/*.c, compiled like the kernel files
shim-srcs	:= $(filter-out $(usershim-srcs),$(patsubst $(srctree)/%,%, \
			$(wildcard $(srctree)/shims/*.c)))
# tools: KDIR's own userspace library code (bitmap and bit search helpers
# that tools/include declares), compiled with the usershim flags
tools-srcs	:= tools/lib/bitmap.c tools/lib/find_bit.c tools/lib/hweight.c \
		   tools/lib/vsprintf.c
# runner: libc only
runner-srcs	:= tests/harness/runner.c
# test: the rest of the harness (tests/harness/) and every test
# (tests/*.c), compiled like the kernel files
test-srcs	:= $(filter-out $(runner-srcs),$(patsubst $(srctree)/%,%, \
			$(wildcard $(srctree)/tests/harness/*.c $(srctree)/tests/*.c)))

CFLAGS_shims/maple_tree.c := -I$(KDIR)

all-srcs	:= $(kernel-srcs) $(tools-srcs) $(usershim-srcs) $(shim-srcs) \
		   $(runner-srcs) $(test-srcs)

# Kernel objects live under obj/kernel/, ours under obj/ at their own path.
kernel-objs	:= $(patsubst %.c,$(objtree)/kernel/%.o,$(kernel-srcs))
tools-objs	:= $(patsubst %.c,$(objtree)/kernel/%.o,$(tools-srcs))
usershim-objs	:= $(patsubst %.c,$(objtree)/%.o,$(usershim-srcs))
shim-objs	:= $(patsubst %.c,$(objtree)/%.o,$(shim-srcs))
runner-objs	:= $(patsubst %.c,$(objtree)/%.o,$(runner-srcs))
test-objs	:= $(patsubst %.c,$(objtree)/%.o,$(test-srcs))
local-objs	:= $(usershim-objs) $(shim-objs) $(runner-objs) $(test-objs)
all-objs	:= $(kernel-objs) $(tools-objs) $(local-objs)

# ---------------------------------------------------------------------------
# Flags

ifneq ($(BUILD_GOALS),)
CC_VERSION := $(shell $(CC) --version 2>/dev/null | head -n 1)
ifeq ($(CC_VERSION),)
$(error CC=$(CC) does not run; install it or pass CC=gcc)
endif
endif

# clang takes the same flags and gives the same warnings (checked with
# clang 14); a clang-only -Wno-... would go here.
CLANG_FLAGS	:=
CC_FLAGS	:= $(if $(findstring clang,$(CC_VERSION)),$(CLANG_FLAGS))

ifeq ($(SAN),0)
SAN_FLAGS	:=
else
# Every sanitizer report is fatal, so that it cannot scroll by in a run
# that then reports all tests passed.
SAN_FLAGS	:= -fsanitize=address,undefined -fno-sanitize-recover=all \
		   -fno-omit-frame-pointer
endif

# The kernel's C dialect: mm/ code assumes these.
KERNEL_DIALECT	:= -fno-strict-aliasing -fno-strict-overflow \
		   -fno-delete-null-pointer-checks

BASE_CFLAGS	:= $(M32_FLAGS) -std=gnu11 -g -O1 -Wall -Wno-unused-function \
		   -Werror=implicit-function-declaration -Werror=implicit-int \
		   -D_LGPL_SOURCE -D__KERNEL__ $(KERNEL_DIALECT) $(SAN_FLAGS) \
		   $(CC_FLAGS) -fmacro-prefix-map=$(srctree)/=

TOOLS_INC	:= -I$(KDIR)/tools/testing/shared -I$(KDIR)/tools/include \
		   -I$(KDIR)/tools/arch/x86/include

# -I$(srctree): <linux/x.h> finds our shadow linux/x.h before the tools'
# -I$(srctree)/linux: <asm/x.h>, <trace/...> find linux/asm/, linux/trace/
# -I$(G): <extract/...> and <generated/autoconf.h>
kernel-cflags	:= $(BASE_CFLAGS) -include $(srctree)/vma_internal.h \
		   -I$(srctree) -I$(srctree)/linux -I$(G) -I$(G)/generated \
		   $(TOOLS_INC) -iquote $(KDIR)/mm
shim-cflags	:= $(kernel-cflags)
tools-cflags	= $(usershim-cflags)
# the trees, for tests that check the sources themselves (e.g. that the
# series exports nothing it need not)
test-cflags	:= $(kernel-cflags) -I$(srctree)/tests/harness \
		   -DVMA_KDIR='"$(KDIR)"' -DVMA_KDIR_ORIG='"$(KDIR_ORIG)"'
usershim-cflags	:= $(BASE_CFLAGS) $(TOOLS_INC) -I$(G) -I$(G)/generated \
		   -I$(srctree) -I$(srctree)/linux
runner-cflags	:= $(M32_FLAGS) -std=gnu11 -g -O1 -Wall $(SAN_FLAGS) $(CC_FLAGS) \
		   -fmacro-prefix-map=$(srctree)/= -I$(srctree)/tests/harness

LDLIBS		:= -lurcu -lpthread

# CFLAGS and LDFLAGS given by the user are added last (e.g. CFLAGS=-O0).
DEPFLAGS	:= -MMD -MP

# ---------------------------------------------------------------------------
# Generated files

CONFIG_STAMP	:= $(G)/config.stamp
EXTRACT_STAMP	:= $(G)/extract.stamp
HEADERS_STAMP	:= $(G)/headers.stamp
OBJS_STAMP	:= $(G)/objs.stamp
GEN_HEADERS	:= $(addprefix $(G)/generated/,autoconf.h map-shift.h bit-length.h)

# The interpreter itself, found once and only if something is extracted:
# a wrapper such as pyenv's shim costs more than extract.py's work.
PYTHON_EXE = $(eval PYTHON_EXE := $$(or $$(shell $(PYTHON) -c \
		'import sys; print(sys.executable)' 2>/dev/null),$(PYTHON)))$(PYTHON_EXE)

# Every file of ours that asks for kernel definitions by name (@extract)
# gets generated/extract/<its path>, which it #includes.
EXTRACT_SRCS	:= $(if $(KDIR_GOALS),$(shell cd '$(srctree)' && \
			grep -rlI --exclude='*~' --exclude='.*' -e '@extract' linux shims vma_internal.h \
			2>/dev/null | LC_ALL=C sort))
EXTRACT_OUTS	:= $(addprefix $(G)/extract/,$(EXTRACT_SRCS))

ifneq ($(BUILD_GOALS),)

# Whatever changes how every file is compiled.  Rewritten only when its
# content changes; every object, generated header and the link depend on
# it.
define CONFIG_TEXT
KDIR=$(KDIR)
KVER=$(KVER)
M32=$(M32)
CC=$(CC)
CC_VERSION=$(CC_VERSION)
KCONFIG=$(KCONFIG)
XA_CHUNK_SHIFT=$(XA_CHUNK_SHIFT)
LONG_BIT=$(LONG_BIT)
kernel-cflags=$(kernel-cflags)
usershim-cflags=$(usershim-cflags)
shim-cflags=$(shim-cflags)
runner-cflags=$(runner-cflags)
test-cflags=$(test-cflags)
per-file=$(strip $(foreach s,$(all-srcs),$(if $(CFLAGS_$(s)),$(s):$(CFLAGS_$(s)))))
CFLAGS=$(CFLAGS)
LDFLAGS=$(LDFLAGS)
LDLIBS=$(LDLIBS)
SERIES=$(SERIES) $(SERIES_STAMP)
endef

# What extraction depends on besides the files it reads.
define EXTRACT_TEXT
KDIR=$(KDIR)
KDIR_ORIG=$(KDIR_ORIG)
SERIES=$(SERIES_STAMP)
PYTHON=$(PYTHON)
endef

# The names of our headers: a new shadow header can hide a header that an
# object found elsewhere before, which its depfile cannot know.
HEADERS_TEXT := $(shell cd '$(srctree)' && find linux shims tests vma_internal.h \
			-name '*.h' 2>/dev/null | LC_ALL=C sort)

# The objects linked: removing a test must relink too.
OBJS_TEXT := $(all-objs)

# write-if-changed FILE,TEXT (at parse time, before any rule runs)
define write-if-changed
ifneq ($$(file <$(1)),$$($(2)))
$$(shell mkdir -p '$(dir $(1))')
$$(file >$(1),$$($(2)))
endif
endef
$(eval $(call write-if-changed,$(CONFIG_STAMP),CONFIG_TEXT))
$(eval $(call write-if-changed,$(EXTRACT_STAMP),EXTRACT_TEXT))
$(eval $(call write-if-changed,$(HEADERS_STAMP),HEADERS_TEXT))
$(eval $(call write-if-changed,$(OBJS_STAMP),OBJS_TEXT))

endif # BUILD_GOALS

# After 'make clean' in 'make clean all', the stamps are written again.
$(CONFIG_STAMP):
	$(shell mkdir -p '$(@D)')$(file >$@,$(CONFIG_TEXT))
$(EXTRACT_STAMP):
	$(shell mkdir -p '$(@D)')$(file >$@,$(EXTRACT_TEXT))
$(HEADERS_STAMP):
	$(shell mkdir -p '$(@D)')$(file >$@,$(HEADERS_TEXT))
$(OBJS_STAMP):
	$(shell mkdir -p '$(@D)')$(file >$@,$(OBJS_TEXT))

# ---------------------------------------------------------------------------
# Rules

.PHONY: all vma clean check coverage mutate check-patches kbuild-check upstream-vma help
all: $(VMA)
vma: $(VMA)

$(VMA): $(all-objs) $(CONFIG_STAMP) $(OBJS_STAMP)
	$(call msg,LD,$(patsubst $(CURDIR)/%,%,$@))
	$(Q)$(CC) $(M32_FLAGS) $(SAN_FLAGS) $(LDFLAGS) -o $(G)/vma.tmp $(all-objs) $(LDLIBS)
	$(Q)mv -f $(G)/vma.tmp $@

# Extracted headers must all exist before anything compiles; which object
# needs which is then known from its depfile.
$(all-objs): $(CONFIG_STAMP) $(HEADERS_STAMP) | $(EXTRACT_OUTS) $(GEN_HEADERS)

# compile GROUP,SOURCE: a stale ./vma goes as soon as anything is rebuilt
# (here and in extraction), so that a failed build never leaves one behind.
define compile
	$(call msg,CC,$(patsubst $(KDIR)/%,%,$(patsubst $(srctree)/%,%,$<)))
	@mkdir -p $(@D)
	@rm -f $(VMA)
	$(Q)$(CC) $($(1)-cflags) $(CFLAGS_$(2)) $(CFLAGS) $(DEPFLAGS) -c $< -o $@
endef

$(kernel-objs): $(objtree)/kernel/%.o: $(KDIR)/%.c
	$(call compile,kernel,$*.c)
$(tools-objs): $(objtree)/kernel/%.o: $(KDIR)/%.c
	$(call compile,tools,$*.c)
$(usershim-objs): $(objtree)/%.o: $(srctree)/%.c
	$(call compile,usershim,$*.c)
$(shim-objs): $(objtree)/%.o: $(srctree)/%.c
	$(call compile,shim,$*.c)
$(runner-objs): $(objtree)/%.o: $(srctree)/%.c
	$(call compile,runner,$*.c)
$(test-objs): $(objtree)/%.o: $(srctree)/%.c
	$(call compile,test,$*.c)

# extract.py's depfile names the shadow and the KDIR headers it read; the
# extra 'file:' lines do what -MP does for objects.
$(EXTRACT_OUTS): $(G)/extract/%: $(srctree)/% $(srctree)/scripts/extract.py $(EXTRACT_STAMP)
	$(call msg,EXTRACT,$*)
	@rm -f $(VMA)
	$(Q)KDIR_ORIG='$(KDIR_ORIG)' $(PYTHON_EXE) $(srctree)/scripts/extract.py $(KDIR) $< $@ $@.d.tmp
	$(Q)awk '{ print; for (i = 2; i <= NF; i++) print $$i ":" }' $@.d.tmp > $@.d
	$(Q)rm -f $@.d.tmp

$(G)/generated/autoconf.h: $(CONFIG_STAMP)
	$(call msg,GEN,$(patsubst $(CURDIR)/%,%,$@))
	@mkdir -p $(@D)
	$(Q){ echo '/* GENERATED from KCONFIG in Makefile; do not edit. */'; \
	  echo '#ifndef _VMA_GENERATED_AUTOCONF_H'; \
	  echo '#define _VMA_GENERATED_AUTOCONF_H'; \
	  $(foreach c,$(KCONFIG),echo '#define $(subst =, ,$(if $(findstring =,$(c)),$(c),$(c)=1))';) \
	  echo '#endif'; \
	} > $@
$(G)/generated/map-shift.h: $(CONFIG_STAMP)
	$(call msg,GEN,$(patsubst $(CURDIR)/%,%,$@))
	@mkdir -p $(@D)
	$(Q)echo '#define XA_CHUNK_SHIFT $(XA_CHUNK_SHIFT)' > $@
$(G)/generated/bit-length.h: $(CONFIG_STAMP)
	$(call msg,GEN,$(patsubst $(CURDIR)/%,%,$@))
	@mkdir -p $(@D)
	$(Q){ echo '#define CONFIG_$(LONG_BIT)BIT 1'; \
	  echo '#define CONFIG_PHYS_ADDR_T_$(LONG_BIT)BIT 1'; } > $@

-include $(wildcard $(all-objs:.o=.d) $(EXTRACT_OUTS:=.d))

# ---------------------------------------------------------------------------
# check, clean, help

# run.sh builds each variant in its own O under $(O)/generated/run/.
# run.sh gets the tree as it is and the series, not the overlay: each
# variant applies the series itself and keeps the original for comparisons
check:
	$(Q)VMA_PREREQS_DONE=1 MAKE='$(MAKE)' O='$(O)' KDIR='$(KDIR_ORIG)' \
		SERIES='$(SERIES)' KVER='$(KVER)' CC='$(CC)' CACHE='$(CACHE)' \
		$(srctree)/run.sh

# checkpatch --strict and kernel-doc over the series (SERIES=none: nothing)
check-patches:
ifeq ($(SERIES),none)
	@echo 'check-patches: SERIES=none: no series to check'
	@echo '0 passed, 0 failed, 1 skipped'
else
	$(Q)$(srctree)/scripts/check-patches.sh '$(G)/series/patches' \
		'$(KDIR_ORIG)' '$(KDIR)'
endif

# The patched files compiled by kbuild itself, x86_64 and i386, out of tree
# in $(G)/kbuild/<config> (reused; KDIR stays untouched, which is checked).
kbuild-check:
	$(Q)V='$(V)' KBUILD_W='$(KBUILD_W)' '$(srctree)/scripts/kbuild-check.sh' \
		'$(KDIR)' '$(KDIR_ORIG)' '$(G)/kbuild' \
		$(if $(filter-out none,$(SERIES)),'$(G)/series/patches')

# KDIR's own tools/testing/vma, built and run on a writable copy of its
# directories in a symlink tree of the (patched) KDIR.
upstream-vma:
	$(Q)CC='$(CC)' '$(srctree)/scripts/upstream-vma.sh' '$(KDIR)' \
		'$(KDIR_ORIG)' '$(G)/upstream-vma'

# A gcov build of its own (no sanitizers, -O0), run once, then the report.
COVERAGE_O := $(G)/coverage
coverage:
	$(Q)$(MAKE) --no-print-directory VMA_PREREQS_DONE=1 O='$(COVERAGE_O)' \
		KDIR='$(KDIR_ORIG)' SERIES='$(SERIES)' CC='$(CC)' SAN=0 \
		CFLAGS='-O0 --coverage -fprofile-update=atomic' LDFLAGS='--coverage' all
	$(Q)$(srctree)/scripts/coverage.sh '$(COVERAGE_O)' \
		'$(if $(filter none,$(SERIES)),$(KDIR),$(COVERAGE_O)/generated/series/kdir)' \
		'$(KDIR_ORIG)'

# Mutation testing: each of tests/mutants/*.diff (or MUTANTS=...) applied
# on top of the series, the suite rebuilt (no sanitizers) and run
mutate:
	$(Q)VMA_PREREQS_DONE=1 MAKE='$(MAKE)' $(srctree)/scripts/mutate.sh \
		'$(KDIR_ORIG)' '$(SERIES)' '$(G)/mutate' $(MUTANTS)

clean:
	$(call msg,CLEAN,$(patsubst $(CURDIR)/%,%,$(G) $(VMA)))
	$(Q)rm -rf $(G) $(VMA)

help:
	@echo 'Targets:'
	@echo '  all (default)  build $(patsubst $(CURDIR)/%,%,$(VMA))'
	@echo '  check          run.sh: build and run every variant (asan, valgrind, m32,'
	@echo '                 pmd-pfnmap, series-diff, kbuild, upstream-vma, check-patches);'
	@echo '                 the last line is the summed "N passed, N failed, N skipped"'
	@echo '  check-patches  checkpatch.pl --strict and kernel-doc on the series (SERIES)'
	@echo '  kbuild-check   compile mm/mmap.o mm/vma.o mm/huge_memory.o and the series'"'"' .c'
	@echo '                 files in a real kernel build of KDIR+SERIES: x86_64 defconfig+THP'
	@echo '                 +VFIO_PCI and i386 the same, CONFIG_WERROR, W=$$(KBUILD_W)'
	@echo '  upstream-vma   build and run KDIR'"'"'s own tools/testing/vma on KDIR+SERIES'
	@echo '  coverage       gcov build (generated/coverage), run, HTML report, and one'
	@echo '                 line per kernel file: "<path> lines L% functions F%"'
	@echo '  mutate         apply each mutant of tests/mutants/ (MUTANTS=file... for some),'
	@echo '                 rebuild, run: killed/survived per mutant and the kill rate'
	@echo '  clean          remove $(patsubst $(CURDIR)/%,%,$(G))/ (objects, generated headers,'
	@echo '                 run.sh builds) and $(patsubst $(CURDIR)/%,%,$(VMA))'
	@echo '  help           this text'
	@echo
	@echo 'Variables:'
	@echo '  KDIR=DIR       kernel source tree to test (never written to); default:'
	@echo '                 linux-source-$$(KVER) fetched into $$(CACHE) by scripts/fetch-kernel.sh'
	@echo '  SERIES=DIR|MBOX|none  patch series applied to private copies of the files'
	@echo '                 it touches, never to KDIR; none: KDIR as it is'
	@echo '                 [patches/ on the fetched $(SERIES_KVER), none otherwise]'
	@echo '  KVER=X.Y       kernel version to fetch when KDIR is not given [$(KVER)]'
	@echo '  CACHE=DIR      where fetched trees are kept [$(CACHE)]'
	@echo '                 (default from VMA_CACHE, XDG_CACHE_HOME or HOME)'
	@echo '  O=DIR          put generated/ and vma in DIR [source directory]'
	@echo '  V=1            print full commands'
	@echo '  CC=CC          compiler, gcc or clang [$(CC)]'
	@echo '  SAN=0          build without ASan/UBSan (for valgrind) [$(SAN)]'
	@echo '  M32=1          32-bit build (-m32), i386 PAE config, !CONFIG_64BIT [$(M32)]'
	@echo '  KBUILD_W=N     kbuild-check: kbuild'"'"'s W= (empty: none) [$(KBUILD_W)]'
	@echo '  CFLAGS, LDFLAGS  added after ours (e.g. CFLAGS=-O0)'
	@echo 'make runs -j$$(nproc) unless given -jN.'
	@echo
	@echo 'Running the tests:'
	@echo '  ./vma [-l] [-v] [--seed N] [PATTERN...]'
	@echo '    -l        list the tests instead of running them'
	@echo '    -v        show test_info() diagnostics'
	@echo '    --seed N  PRNG seed (the output says which one a run used)'
	@echo '    PATTERN   shell glob(s) selecting tests by name (default: all)'
	@echo '  ./run.sh [ARGS...]  all variants; ARGS are passed to ./vma'
