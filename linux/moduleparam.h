/* SPDX-License-Identifier: GPL-2.0 */
/* Shadow of <linux/moduleparam.h>: no-op; the harness has no kernel command line (tests set the variables directly). */
#ifndef _VMA_LINUX_MODULEPARAM_H
#define _VMA_LINUX_MODULEPARAM_H

#define core_param(name, var, type, perm)
#define module_param(name, type, perm)

#endif /* _VMA_LINUX_MODULEPARAM_H */
