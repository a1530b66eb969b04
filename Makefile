# SPDX-License-Identifier: GPL-2.0
#
# Userland VMA test suite: compiles the kernel's own mm/vma.c, mm/vma_init.c,
# mm/vma_exec.c, mm/mmap.c and lib/maple_tree.c, unmodified, from a kernel
# tree (KDIR) into one binary, ./vma, against the shadow headers in linux/,
# the stand-ins in shims/ and the tests in tests/.  'make help' says how.
#
# The parts, in the order make reads them:
#   scripts/Makefile.config   variables, the configuration, make itself
#   scripts/Makefile.tree     prerequisites, KDIR, the series
#   scripts/Makefile.build    the translation units of ./vma and their rules
#   scripts/Makefile.targets  check, check-patches, kbuild-check, upstream-vma,
#                             coverage, mutate, where, check-layout, clean, help

srctree	:= $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))

include $(srctree)/scripts/Makefile.config
include $(srctree)/scripts/Makefile.tree
include $(srctree)/scripts/Makefile.build
include $(srctree)/scripts/Makefile.targets
