/* ipd-store-private.h — what the store's own files share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "ipd-calendar.h"
#include "ipd-store.h"

G_BEGIN_DECLS

typedef struct _IpdNameOrder IpdNameOrder;

struct _IpdStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  IpdStoreFlags flags;
  GHashTable *statements;     /* SQL text → prepared sqlite3_stmt, kept for reuse */
  guint       write_depth;    /* nesting of write transactions and savepoints */
  IpdNameOrder *name_order;   /* the live register in name order (ipd-store-name-order.c) */
  IpdCalendar *calendar;      /* working days from the holiday table (ipd-store-tasks.c); NULL: read it again */
};

/* A cached statement; g_autoptr(IpdStmt) resets it when it goes out of scope. */
typedef sqlite3_stmt IpdStmt;
void ipd_stmt_release (IpdStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdStmt, ipd_stmt_release)

IpdStmt  *ipd_store_prepare       (IpdStore *self, const char *sql, GError **error);
gboolean  ipd_store_exec          (IpdStore *self, const char *sql, GError **error);
gboolean  ipd_store_step_done     (IpdStore *self, IpdStmt *stmt, GError **error);
/* A record made from the statement's current row. */
typedef gpointer (*IpdRowFunc) (IpdStmt *stmt);
gboolean  ipd_store_append_rows   (IpdStore *self, IpdStmt *stmt, IpdRowFunc from_row, GPtrArray *rows,
                                   const char *context, GError **error);
gboolean  ipd_store_set_error     (IpdStore *self, GError **error, int rc, const char *context);
gboolean  ipd_store_check_writable (IpdStore *self, GError **error);

gboolean  ipd_store_write_begin   (IpdStore *self, GError **error);
gboolean  ipd_store_write_end     (IpdStore *self, gboolean success, GError **error);

void      ipd_bind_text           (IpdStmt *stmt, int index, const char *text);
void      ipd_bind_blob           (IpdStmt *stmt, int index, GBytes *bytes);
char     *ipd_column_dup_text     (IpdStmt *stmt, int column);

/* ipd-store-schema.c */
gboolean  ipd_store_migrate_to    (IpdStore *self, int target_version, GError **error);
gboolean  ipd_store_rebuild_derived (IpdStore *self, GError **error);

/* ipd-store-audit.c */
gboolean  ipd_store_register_functions (IpdStore *self, GError **error);
gboolean  ipd_store_create_audit_triggers (IpdStore *self, GError **error);
gboolean  ipd_store_create_audit_triggers_for (IpdStore *self, const char *table, GError **error);

/* ipd-store-places.c */
gboolean  ipd_store_register_place_functions (IpdStore *self, GError **error);

/* ipd-store-name-order.c */
void      ipd_name_order_free     (IpdNameOrder *order);
gboolean  ipd_store_name_order_applies (const IpdQuery *query);
GArray   *ipd_store_name_order_list (IpdStore *self, const IpdQuery *query,
                                     const char *match, GError **error);

/* The statements whose plans the tests check (ipd-store-query.c,
 * ipd-store-reports.c). */
const char *ipd_store_summaries_sql (void);
const char *ipd_store_application_rows_sql (void);

/* ipd-store-dossiers.c */
gboolean  ipd_store_refresh_search (IpdStore *self, gint64 dossier_id, GError **error);
gboolean  ipd_store_fill_register_columns (IpdStore *self, GError **error);

/* ipd-store-tasks.c */
gboolean  ipd_store_recompute_tasks (IpdStore *self, gint64 dossier_id, GError **error);
gboolean  ipd_store_compute_expiry (IpdStore *self, gint64 dossier_id, const char *kind,
                                    const char *filing_date, char **expiry, GError **error);
const char *ipd_store_agenda_sql  (gboolean overdue);
const char *ipd_store_count_agenda_sql (gboolean overdue);
gboolean  ipd_store_seed_holidays (IpdStore *self, GError **error);
gboolean  ipd_store_ensure_tasks_current (IpdStore *self, GError **error);

/* Opens without migrating: for tests that build a register of an earlier version. */
IpdStore *ipd_store_open_at_version (const char *path, int version, GError **error);

G_END_DECLS

G_BEGIN_DECLS
/* ipd-store-records.c */
char     *ipd_store_put_blob      (IpdStore *self, GBytes *bytes, GError **error);
gboolean  ipd_store_delete_orphan_blobs (IpdStore *self, GError **error);
gboolean  ipd_store_refresh_party_search (IpdStore *self, gint64 party_id, GError **error);
gboolean  ipd_store_write_party   (IpdStore *self, IpdParty *party, GError **error);

/* ipd-store-attachments.c */
gboolean  ipd_store_validate_attachment (IpdAttachment *attachment, GError **error);
IpdAttachment *ipd_store_read_attachment_row (IpdStmt *stmt);
G_END_DECLS
