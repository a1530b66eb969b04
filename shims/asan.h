/* SPDX-License-Identifier: GPL-2.0 */
/*
 * __SANITIZE_ADDRESS__ in every build that has ASan: gcc defines it,
 * clang (before 17) says so only through __has_feature().  Plain
 * preprocessor, for the shims and the runner alike.
 */
#ifndef _VMA_SHIMS_ASAN_H
#define _VMA_SHIMS_ASAN_H

#if defined(__has_feature)
#if __has_feature(address_sanitizer) && !defined(__SANITIZE_ADDRESS__)
#define __SANITIZE_ADDRESS__ 1
#endif
#endif

#endif /* _VMA_SHIMS_ASAN_H */
