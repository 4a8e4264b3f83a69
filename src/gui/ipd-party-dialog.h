/* ipd-party-dialog.h — picks an existing party or describes a new one, with its role
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipd-store.h"

G_BEGIN_DECLS

#define IPD_TYPE_PARTY_DIALOG (ipd_party_dialog_get_type ())
G_DECLARE_FINAL_TYPE (IpdPartyDialog, ipd_party_dialog, IPD, PARTY_DIALOG, AdwWindow)

IpdPartyDialog *ipd_party_dialog_new         (GtkWindow *parent, IpdStore *store);
void            ipd_party_dialog_set_role    (IpdPartyDialog *self, const char *role);
void            ipd_party_dialog_set_pending (IpdPartyDialog *self, GPtrArray *parties);
void            ipd_party_dialog_edit        (IpdPartyDialog *self, IpdParty *party, const char *role);
gboolean        ipd_party_dialog_set_field   (IpdPartyDialog *self, const char *field, const char *text);
IpdParty       *ipd_party_dialog_get_party   (IpdPartyDialog *self);
const char     *ipd_party_dialog_get_role    (IpdPartyDialog *self);

char           *ipd_party_describe           (const IpdParty *party);

G_END_DECLS
