/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shadow of <asm/elf.h>: x86's mmap layout declarations and the AMD F15h
 * va_align state, arm64's STACK_RND_MASK, extracted from KDIR (the ELF
 * loader's part is out of the harness's scope).
 */
#ifndef _ASM_X86_ELF_H
#define _ASM_X86_ELF_H

#include <linux/sched.h>
#include <linux/compat.h>

#ifdef CONFIG_X86
/* @extract arch/x86/include/asm/elf.h
 *	mmap_is_ia32 task_size_32bit task_size_64bit get_mmap_base
 *	mmap_address_hint_valid __STACK_RND_MASK enum:ALIGN_VA_32
 *	struct va_alignment va_align
 */
#else
/* @extract arch/arm64/include/asm/elf.h
 *	STACK_RND_MASK
 */
#endif
#include <extract/linux/asm/elf.h>

#endif /* _ASM_X86_ELF_H */
