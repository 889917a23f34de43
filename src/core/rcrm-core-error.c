/* rcrm-core-error.c — the error domain of the core library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rcrm-core.h"

G_DEFINE_QUARK (rcrm-core-error-quark, rcrm_core_error)
