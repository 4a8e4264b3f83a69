/* ipd-store.h — the register: every dossier, party, event and document
 *
 * The one place that knows SQL. Everything else calls these functions and
 * gets records and GErrors back, so that a shared-server backend can take
 * the place of the embedded SQLite file later.
 *
 * An IpdStore is used from one thread; open another store for a worker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ipd-attachment.h"
#include "ipd-calendar.h"
#include "ipd-dossier.h"
#include "ipd-event.h"
#include "ipd-party.h"
#include "ipd-public-dossier.h"
#include "ipd-report-period.h"
#include "ipd-task.h"

G_BEGIN_DECLS

#define IPD_TYPE_STORE (ipd_store_get_type ())
G_DECLARE_FINAL_TYPE (IpdStore, ipd_store, IPD, STORE, GObject)

typedef enum {
  IPD_STORE_DEFAULT   = 0,
  IPD_STORE_READ_ONLY = 1 << 0,   /* front desk: the store refuses every write */
} IpdStoreFlags;

typedef enum {
  IPD_SORT_NAME,          /* Vietnamese alphabetical order */
  IPD_SORT_REFERENCE,
  IPD_SORT_FILING_DATE,
  IPD_SORT_APP_NUMBER,
  IPD_SORT_STATUS,
  IPD_SORT_UPDATED,
} IpdSortColumn;

/* What to list; zeroed fields do not filter. */
typedef struct {
  const char   *text;        /* search text, folded like the index */
  const char   *kind;
  const char   *status;
  int           filing_year;
  const char   *officer;
  const char   *province;    /* an applicant's or owner's province, or one of a GI's area */
  const char   *commune;     /* likewise a commune; with @province, of that province */
  int           due_within_days;  /* > 0: only dossiers with an open deadline that soon */
  gboolean      trash;       /* list the trash instead of the register */
  IpdSortColumn sort;
  gboolean      descending;
  guint         limit;       /* 0: all */
} IpdQuery;

/* Counts for the sidebar's filters. */
typedef enum {
  IPD_FACET_KIND,
  IPD_FACET_STATUS,
  IPD_FACET_FILING_YEAR,
  IPD_FACET_OFFICER,
  IPD_FACET_PROVINCE,
  IPD_FACET_COMMUNE,      /* of every province: see ipd_store_count_communes () */
} IpdFacet;

typedef struct {
  char  *value;   /* kind or status code, year, officer, province or commune name */
  gint64 count;
} IpdFacetCount;

/* A problem found in a dossier before saving: the field and what is wrong. */
typedef struct {
  char *field;
  char *message;
} IpdProblem;

/* How a kind's application numbers are written; pattern and example are
 * NULL for a kind that has no format (its numbers are not checked). */
typedef struct {
  char *kind;
  char *pattern;
  char *example;
} IpdNumberFormat;

/* An entry of the audit log. */
typedef struct {
  gint64 id;
  char  *at;
  char  *os_user;
  char  *table_name;
  gint64 row_id;
  char  *action;
  char  *old_values;   /* JSON object, or NULL */
  char  *new_values;   /* JSON object, or NULL */
} IpdAuditEntry;

#define IPD_STORE_SCHEMA_VERSION 9

char     *ipd_store_default_path   (void);
IpdStore *ipd_store_open           (const char    *path,
                                    IpdStoreFlags  flags,
                                    GError       **error);
const char *ipd_store_get_path     (IpdStore *self);
gboolean  ipd_store_is_read_only   (IpdStore *self);
int       ipd_store_get_schema_version (IpdStore *self);

/* Grouping many writes in one transaction (imports, generated data). */
gboolean  ipd_store_begin_batch    (IpdStore *self, GError **error);
gboolean  ipd_store_commit_batch   (IpdStore *self, GError **error);
void      ipd_store_rollback_batch (IpdStore *self);

char     *ipd_store_dup_setting    (IpdStore *self, const char *key);
gboolean  ipd_store_set_setting    (IpdStore *self, const char *key,
                                    const char *value, GError **error);
gboolean  ipd_store_set_number_format (IpdStore *self, const char *kind,
                                       const char *pattern, const char *example,
                                       GError **error);
GPtrArray *ipd_store_list_number_formats (IpdStore *self, GError **error);

/* Register settings: the agency lines printed on reports and receipts, and
 * the province of new dossiers' places; shared by every officer. */
#define IPD_SETTING_AGENCY_PARENT   "agency.parent"
#define IPD_SETTING_AGENCY_NAME     "agency.name"
#define IPD_SETTING_AGENCY_PROVINCE "agency.province"
#define IPD_SETTING_AGENCY_PLACE    "agency.place"

/* Dossiers */
GPtrArray  *ipd_store_validate_dossier (IpdStore *self, IpdDossier *dossier);
gboolean    ipd_store_save_dossier     (IpdStore *self, IpdDossier *dossier, GError **error);
IpdDossier *ipd_store_load_dossier     (IpdStore *self, gint64 id, GError **error);
IpdDossier *ipd_store_find_dossier     (IpdStore *self, const char *reference, GError **error);
gboolean    ipd_store_trash_dossier    (IpdStore *self, gint64 id, GError **error);
gboolean    ipd_store_restore_dossier  (IpdStore *self, gint64 id, GError **error);
gboolean    ipd_store_purge_dossier    (IpdStore *self, gint64 id, GError **error);

/* Lists and search */
GArray    *ipd_store_list_ids        (IpdStore *self, const IpdQuery *query, GError **error);
gint64     ipd_store_count_dossiers  (IpdStore *self, const IpdQuery *query, GError **error);
GPtrArray *ipd_store_load_summaries  (IpdStore *self, const gint64 *ids, guint n_ids,
                                      GError **error);
GPtrArray *ipd_store_count_facet     (IpdStore *self, IpdFacet facet, GError **error);
GPtrArray *ipd_store_count_communes  (IpdStore *self, const char *province, GError **error);
gint64     ipd_store_count_trash     (IpdStore *self, GError **error);

/* Parties */
gboolean   ipd_store_save_party      (IpdStore *self, IpdParty *party, GError **error);
IpdParty  *ipd_store_load_party      (IpdStore *self, gint64 id, GError **error);
GPtrArray *ipd_store_find_parties    (IpdStore *self, const char *name,
                                      const char *tax_code, GError **error);
GPtrArray *ipd_store_search_parties  (IpdStore *self, const char *text,
                                      guint limit, GError **error);

/* Events */
gboolean   ipd_store_save_event      (IpdStore *self, IpdEvent *event, GError **error);
gboolean   ipd_store_delete_event    (IpdStore *self, gint64 id, GError **error);
GPtrArray *ipd_store_list_events     (IpdStore *self, gint64 dossier_id, GError **error);

/* Deadlines (ipd-store-tasks.c). A dossier's tasks follow its events and
 * are brought up to date in the same transaction as the event or dossier
 * saved; all of them when the procedure or the holiday table changes. */
typedef struct {
  const char *today;     /* YYYY-MM-DD; NULL: today */
  int         days;      /* tasks due up to today + @days; overdue ones too, but not a
                          * milestone or opportunity whose day has passed */
  const char *officer;   /* NULL: every officer */
  const char *kind;      /* NULL: every kind */
  const char *from;      /* YYYY-MM-DD: only tasks due on or after it; NULL: no lower
                          * bound, overdue ones included */
  guint       limit;     /* at most this many tasks, the first in order; 0: all */
} IpdAgendaQuery;

GPtrArray *ipd_store_list_tasks      (IpdStore *self, gint64 dossier_id, GError **error);
GPtrArray *ipd_store_agenda          (IpdStore *self, const IpdAgendaQuery *query, GError **error);
gint64     ipd_store_count_agenda    (IpdStore *self, const IpdAgendaQuery *query, GError **error);
gboolean   ipd_store_complete_task   (IpdStore *self, gint64 task_id, const char *date,
                                      GError **error);
gboolean   ipd_store_recompute_all_tasks (IpdStore *self, GCancellable *cancellable,
                                          GError **error);
GPtrArray *ipd_store_list_holidays   (IpdStore *self, int year, GError **error);
gboolean   ipd_store_set_holiday     (IpdStore *self, const char *date, const char *name,
                                      gboolean off, GError **error);
gboolean   ipd_store_remove_holiday  (IpdStore *self, const char *date, GError **error);

/* Administrative units (ipd-store-places.c): the list statistics map
 * former units through; @source is the imported file's name. */
gboolean   ipd_store_import_admin_units    (IpdStore *self, const char *source,
                                            GBytes *contents, GError **error);
gint64     ipd_store_count_listed_communes (IpdStore *self, GError **error);

/* The last import of the list; NULL (no error) before any. */
typedef struct {
  char  *imported_at;   /* ISO 8601, UTC */
  char  *source;        /* the file's name */
  gint64 communes;      /* current communes of the list */
} IpdUnitsImport;

IpdUnitsImport *ipd_store_last_units_import (IpdStore *self, GError **error);
void            ipd_units_import_free       (IpdUnitsImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdUnitsImport, ipd_units_import_free)

/* Attachments (ipd-store-records.c, ipd-store-attachments.c). @attachment->page_count is given
 * by the caller when adding (the store does not read PDFs); the list leaves
 * out the documents in the trash, whose bytes stay until the dossier goes. */
gboolean   ipd_store_add_attachment  (IpdStore *self, IpdAttachment *attachment,
                                      GBytes *bytes, GError **error);
GPtrArray *ipd_store_list_attachments (IpdStore *self, gint64 dossier_id, GError **error);
IpdAttachment *ipd_store_load_attachment (IpdStore *self, gint64 id, GError **error);
gboolean   ipd_store_update_attachment  (IpdStore *self, IpdAttachment *attachment,
                                         GError **error);
gboolean   ipd_store_trash_attachment   (IpdStore *self, gint64 id, GError **error);
gboolean   ipd_store_restore_attachment (IpdStore *self, gint64 id, GError **error);
/* The same as ipd_store_load_attachment (the name ipdossiers-cli uses). */
IpdAttachment *ipd_store_get_attachment (IpdStore *self, gint64 attachment_id, GError **error);
/* A document's bytes (ipd-store-blobs.c); a window reads them on a worker. */
GBytes    *ipd_store_load_blob       (IpdStore *self, const char *sha256, GError **error);
void       ipd_store_load_blob_async (IpdStore *self, const char *sha256, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
GBytes    *ipd_store_load_blob_finish (GAsyncResult *result, GError **error);
void       ipd_store_run_on_blob     (IpdStore *self, const char *sha256, GTask *task,
                                      GTaskThreadFunc thread_func);

/* The front desk (ipd-store-front-desk.c). A receipt's lookup code finds its
 * dossier at any stage; an application number or a name only published
 * ones. The PIN that closes the front desk is kept as a salted hash. */
#define IPD_SETTING_FRONT_DESK_PIN "front_desk.pin"

char      *ipd_store_issue_lookup_code    (IpdStore *self, gint64 dossier_id, GError **error);
char      *ipd_store_dup_lookup_code      (IpdStore *self, gint64 dossier_id, GError **error);
GPtrArray *ipd_store_front_desk_lookup    (IpdStore *self, const char *text, GError **error);
gboolean   ipd_store_set_front_desk_pin   (IpdStore *self, const char *pin, GError **error);
void       ipd_store_set_front_desk_pin_async (IpdStore *self, const char *pin, GCancellable *cancellable,
                                               GAsyncReadyCallback callback, gpointer user_data);
gboolean   ipd_store_set_front_desk_pin_finish (IpdStore *self, GAsyncResult *result, GError **error);
gboolean   ipd_store_has_front_desk_pin   (IpdStore *self);
gboolean   ipd_store_check_front_desk_pin (IpdStore *self, const char *pin);
/* Finished with ipd_pin_verify_finish() (ipd-pin.h). */
void       ipd_store_check_front_desk_pin_async (IpdStore *self, const char *pin,
                                                 GCancellable *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer user_data);

/* Audit, integrity and backups */
GPtrArray *ipd_store_list_audit      (IpdStore *self, const char *table_name,
                                      gint64 row_id, GError **error);
gboolean   ipd_store_verify_audit    (IpdStore *self, gint64 *first_bad_id, GError **error);
gboolean   ipd_store_check           (IpdStore *self, GPtrArray **problems, GError **error);
gboolean   ipd_store_backup          (IpdStore *self, const char *destination,
                                      GCancellable *cancellable, GError **error);

/* Registers (ipd-store-reports.c). A row's texts are valid only during
 * the call; codes (kind, status, event type) are untranslated; dates ISO. */
typedef struct {
  gint64      id;
  const char *reference;
  const char *kind;
  const char *name;
  const char *applicant;
  const char *address;       /* "commune, province" of the applicant, else owner */
  const char *products;      /* Nice classes with goods, else a GI's products, one a line */
  const char *app_number;
  const char *filing_date;
  const char *status;
  const char *event_type;    /* the latest event up to the period's end */
  const char *event_date;
  const char *task_title;    /* the next open deadline (English msgid) */
  const char *task_due;
  const char *officer;
  const char *note;
} IpdApplicationRow;

typedef gboolean (*IpdApplicationRowFunc) (const IpdApplicationRow *row, gpointer user_data,
                                           GError **error);

/* Dossiers filed in @period or with an event in it; @filters: kind,
 * status, officer, province (other fields ignored; NULL: none). */
gint64     ipd_store_count_application_rows  (IpdStore *self, const IpdReportPeriod *period,
                                              const IpdQuery *filters, GError **error);
gboolean   ipd_store_foreach_application_row (IpdStore *self, const IpdReportPeriod *period,
                                              const IpdQuery *filters,
                                              IpdApplicationRowFunc func, gpointer user_data,
                                              GError **error);

/* The register of titles: one row per title in force at the cut-off. */
typedef struct {
  gint64      id;
  const char *reference;
  const char *certificate_number;
  const char *grant_date;
  const char *expiry_date;
  gboolean    indefinite;    /* the kind has no term (geographical indications) */
  const char *owner;         /* the owner, else the applicant, the managing organisation */
  const char *kind;
  const char *name;
  const char *products;
  gint64      renewals;      /* "renewed" events up to the cut-off */
  const char *note;
} IpdTitleRow;

typedef gboolean (*IpdTitleRowFunc) (const IpdTitleRow *row, gpointer user_data, GError **error);

/* Titles granted on or before @period's end and in force then: not ended
 * by an event dated up to it, and (for marks) expiring after it. */
gint64     ipd_store_count_title_rows        (IpdStore *self, const IpdReportPeriod *period,
                                              const IpdQuery *filters, GError **error);
gboolean   ipd_store_foreach_title_row       (IpdStore *self, const IpdReportPeriod *period,
                                              const IpdQuery *filters,
                                              IpdTitleRowFunc func, gpointer user_data,
                                              GError **error);

/* Statistics (ipd-store-reports.c), over live dossiers matching @filters
 * (as the registers' filters). */
typedef enum {
  IPD_STAT_KIND_STATUS,  /* key kind, key2 status, count: dossiers now */
  IPD_STAT_PERIOD,       /* key kind (every kind), count: filed in @period,
                          * value: with a `granted` event dated in it */
  IPD_STAT_PROVINCE,     /* key current province (former ones mapped), count: dossiers now */
  IPD_STAT_PROGRAMME,    /* key support programme, count: dossiers, value: total amount (VND) */
  IPD_STAT_COMMUNE,      /* key current province, key2 current commune (NULL: none given),
                          * count: dossiers, value: 1 when key2 is a name as written that
                          * the list of administrative units does not map */
  IPD_STAT_YEAR,         /* key year, count: filed that year, value: granted that year */
} IpdStatistic;

typedef struct {
  char  *key;
  char  *key2;
  gint64 count;
  gint64 value;
} IpdStatRow;

/* A #GPtrArray of #IpdStatRow; @period only for IPD_STAT_PERIOD (else NULL). */
GPtrArray *ipd_store_statistics (IpdStore *self, IpdStatistic statistic,
                                 const IpdReportPeriod *period, const IpdQuery *filters,
                                 GError **error);

void ipd_problem_free     (IpdProblem *problem);
void ipd_facet_count_free (IpdFacetCount *count);
void ipd_stat_row_free    (IpdStatRow *row);
/* The first row of @rows (#IpdStatRow) whose key is @key, or NULL. */
const IpdStatRow *ipd_stat_rows_find (GPtrArray *rows, const char *key);
/* IPD_STAT_KIND_STATUS's rows as a grid in the vocabularies' order: a row
 * per kind then the totals, a column per status then the totals; cell
 * (k, st) at [k * (n_statuses + 1) + st]. Free with g_free (). */
gint64 *ipd_stat_kind_status_grid (GPtrArray *rows);
void ipd_audit_entry_free (IpdAuditEntry *entry);
void ipd_number_format_free (IpdNumberFormat *format);

G_END_DECLS
