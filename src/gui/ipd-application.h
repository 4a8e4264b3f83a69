/* ipd-application.h
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define IPD_TYPE_APPLICATION (ipd_application_get_type ())
G_DECLARE_FINAL_TYPE (IpdApplication, ipd_application, IPD, APPLICATION, AdwApplication)

IpdApplication *ipd_application_new (void);

G_END_DECLS
