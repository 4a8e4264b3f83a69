/* ipd-audit-text.h — the audit log's entries in the officer's words
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipd-store.h"

G_BEGIN_DECLS

char *ipd_audit_text_title    (const IpdAuditEntry *entry);
char *ipd_audit_text_describe (const IpdAuditEntry *entry);

G_END_DECLS
