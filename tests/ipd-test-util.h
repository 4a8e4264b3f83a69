/* ipd-test-util.h — what the tests share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ipd_test_make_dir   (const char *name_template);
void  ipd_test_remove_dir (const char *directory);

G_END_DECLS
