/* ipd-store.c — opening the register, statements, transactions, backups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ipd-error.h"
#include "ipd-store-private.h"
#include "ipd-text.h"

/* "IPDS": marks a SQLite file as ours, so another program's database is refused. */
#define IPD_APPLICATION_ID 0x49504453

G_DEFINE_FINAL_TYPE (IpdStore, ipd_store, G_TYPE_OBJECT)

static void
ipd_store_finalize (GObject *object)
{
  IpdStore *self = IPD_STORE (object);

  /* Statements must be finalised before the connection closes. */
  g_clear_pointer (&self->name_order, ipd_name_order_free);
  g_clear_pointer (&self->calendar, ipd_calendar_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (ipd_store_parent_class)->finalize (object);
}

static void
ipd_store_class_init (IpdStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ipd_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
ipd_store_init (IpdStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

/* $IPDOSSIERS_DB, or register.sqlite in the user's data directory. */
char *
ipd_store_default_path (void)
{
  const char *override = g_getenv ("IPDOSSIERS_DB");

  if (override != NULL && *override != '\0')
    return g_strdup (override);
  return g_build_filename (g_get_user_data_dir (), "ipdossiers", "register.sqlite", NULL);
}

/* Errors ------------------------------------------------------------------ */

static IpdError
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:      return IPD_ERROR_NO_SPACE;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:    return IPD_ERROR_BUSY;
    case SQLITE_READONLY:  return IPD_ERROR_READ_ONLY;
    case SQLITE_NOTADB:    return IPD_ERROR_NOT_A_REGISTER;
    case SQLITE_CORRUPT:   return IPD_ERROR_CORRUPT;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:      return IPD_ERROR_IO;
    case SQLITE_CONSTRAINT: return IPD_ERROR_INVALID;
    default:               return IPD_ERROR_FAILED;
    }
}

static const char *
explain_error_code (IpdError code)
{
  switch (code)
    {
    case IPD_ERROR_NO_SPACE:  return _("The disk is full; nothing was saved. Free some space and try again.");
    case IPD_ERROR_BUSY:      return _("The register is busy in another program; try again in a moment.");
    case IPD_ERROR_READ_ONLY: return _("The register is open read-only; nothing can be changed.");
    case IPD_ERROR_NOT_A_REGISTER: return _("The file is not an IP Dossiers register.");
    case IPD_ERROR_CORRUPT:   return _("The register file is damaged. Restore it from a backup.");
    case IPD_ERROR_IO:        return _("The register file could not be read or written.");
    default:                  return _("The register reported an internal error.");
    }
}

static gboolean
set_error_from_connection (sqlite3 *db, GError **error, int rc, const char *context)
{
  IpdError code = error_code_for_sqlite (rc);
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  g_set_error (error, IPD_ERROR, code, "%s (%s: %s)", explain_error_code (code),
               context ? context : "sqlite", detail);
  return FALSE;
}

/* Sets @error from SQLite's last error and returns FALSE, for `return ipd_store_set_error (...)`. */
gboolean
ipd_store_set_error (IpdStore *self, GError **error, int rc, const char *context)
{
  return set_error_from_connection (self->db, error, rc, context);
}

gboolean
ipd_store_check_writable (IpdStore *self, GError **error)
{
  if (self->flags & IPD_STORE_READ_ONLY)
    {
      g_set_error_literal (error, IPD_ERROR, IPD_ERROR_READ_ONLY,
                           explain_error_code (IPD_ERROR_READ_ONLY));
      return FALSE;
    }
  return TRUE;
}

/* Statements ------------------------------------------------------------- */

void
ipd_stmt_release (IpdStmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Statements are prepared once per connection and reused. */
IpdStmt *
ipd_store_prepare (IpdStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ipd_store_set_error (self, error, rc, "prepare");
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
ipd_store_exec (IpdStore *self, const char *sql, GError **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return ipd_store_set_error (self, error, rc, "exec");
  return TRUE;
}

/* Runs a statement that returns no rows. */
gboolean
ipd_store_step_done (IpdStore *self, IpdStmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return ipd_store_set_error (self, error, rc, "step");
  return TRUE;
}

/* Runs @stmt to its end, adding @from_row's record of each row to @rows;
 * @context names the records in the error. */
gboolean
ipd_store_append_rows (IpdStore *self, IpdStmt *stmt, IpdRowFunc from_row, GPtrArray *rows,
                       const char *context, GError **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));
  if (rc != SQLITE_DONE)
    return ipd_store_set_error (self, error, rc, context);
  return TRUE;
}

void
ipd_bind_text (IpdStmt *stmt, int index, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
ipd_bind_blob (IpdStmt *stmt, int index, GBytes *bytes)
{
  gsize size = 0;
  gconstpointer data = bytes ? g_bytes_get_data (bytes, &size) : NULL;

  if (bytes == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_blob64 (stmt, index, data ? data : "", size, SQLITE_TRANSIENT);
}

char *
ipd_column_dup_text (IpdStmt *stmt, int column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);
  return text ? g_strdup ((const char *) text) : NULL;
}

/* Transactions -----------------------------------------------------------
 * The outermost write takes the write lock at once (BEGIN IMMEDIATE), so two
 * programs writing the same register wait for each other instead of failing
 * half-way; inner ones are savepoints and can fail alone. */

gboolean
ipd_store_write_begin (IpdStore *self, GError **error)
{
  g_autofree char *sql = NULL;

  if (!ipd_store_check_writable (self, error))
    return FALSE;
  if (self->write_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT w%u", self->write_depth);
  if (!ipd_store_exec (self, sql, error))
    return FALSE;
  self->write_depth++;
  return TRUE;
}

gboolean
ipd_store_write_end (IpdStore *self, gboolean success, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self->write_depth > 0, FALSE);
  self->write_depth--;

  if (self->write_depth == 0)
    sql = g_strdup (success ? "COMMIT" : "ROLLBACK");
  else if (success)
    sql = g_strdup_printf ("RELEASE w%u", self->write_depth);
  else
    sql = g_strdup_printf ("ROLLBACK TO w%u; RELEASE w%u", self->write_depth, self->write_depth);

  /* The name order and the calendar may have been read from rows that are now undone. */
  if (!success)
    {
      g_clear_pointer (&self->name_order, ipd_name_order_free);
      g_clear_pointer (&self->calendar, ipd_calendar_unref);
    }

  if (!ipd_store_exec (self, sql, success ? error : NULL))
    {
      /* A failed COMMIT (disk full) leaves the transaction open: undo it all. */
      if (self->write_depth == 0 && !sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return success;
}

gboolean
ipd_store_begin_batch (IpdStore *self, GError **error)
{
  g_return_val_if_fail (IPD_IS_STORE (self), FALSE);
  return ipd_store_write_begin (self, error);
}

gboolean
ipd_store_commit_batch (IpdStore *self, GError **error)
{
  g_return_val_if_fail (IPD_IS_STORE (self), FALSE);
  return ipd_store_write_end (self, TRUE, error);
}

void
ipd_store_rollback_batch (IpdStore *self)
{
  g_return_if_fail (IPD_IS_STORE (self));
  ipd_store_write_end (self, FALSE, NULL);
}

/* Opening ------------------------------------------------------------------ */

/* What a register's first page says about it (see SQLite's file format:
 * big-endian integers at fixed offsets of the 100-byte header). */
typedef struct {
  gboolean exists;
  gboolean empty;
  guint32  schema_cookie;    /* offset 40: 0 until a table is created */
  guint32  user_version;     /* offset 60: our format */
  guint32  application_id;   /* offset 68 */
} FileHeader;

static guint32
read_be32 (const guint8 *bytes)
{
  return (guint32) bytes[0] << 24 | (guint32) bytes[1] << 16 | (guint32) bytes[2] << 8 | bytes[3];
}

static gboolean
refuse_not_a_database (const char *path, GError **error)
{
  g_set_error (error, IPD_ERROR, IPD_ERROR_NOT_A_REGISTER,
               /* Translators: a file path */
               _("“%s” is not an IP Dossiers register: it is not a database file. Nothing was changed."),
               path);
  return FALSE;
}

static gboolean
refuse_foreign (const char *path, GError **error)
{
  g_set_error (error, IPD_ERROR, IPD_ERROR_NOT_A_REGISTER,
               /* Translators: a file path */
               _("“%s” is a database of another program, not an IP Dossiers register. Nothing was changed."),
               path);
  return FALSE;
}

static gboolean
refuse_newer (const char *path, gint64 version, GError **error)
{
  g_set_error (error, IPD_ERROR, IPD_ERROR_NEWER_VERSION,
               /* Translators: a file path, then two format numbers */
               _("The register “%s” was written by a newer version of IP Dossiers (format %d; this version reads up to format %d). Update IP Dossiers to open it. Nothing was changed."),
               path, (int) version, IPD_STORE_SCHEMA_VERSION);
  return FALSE;
}

static gboolean
read_file_header (const char *path, FileHeader *header, GError **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 buffer[100];
  gsize n_read = 0;

  memset (header, 0, sizeof *header);
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;
  if (stream == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, sizeof buffer, &n_read, NULL, &local_error))
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_IO,
                   /* Translators: a file path, then the system's reason */
                   _("The register “%s” cannot be opened: %s"), path, local_error->message);
      return FALSE;
    }
  header->exists = TRUE;
  header->empty = n_read == 0;
  if (header->empty)
    return TRUE;
  if (n_read < sizeof buffer || memcmp (buffer, magic, sizeof magic) != 0)
    return refuse_not_a_database (path, error);
  header->schema_cookie = read_be32 (buffer + 40);
  header->user_version = read_be32 (buffer + 60);
  header->application_id = read_be32 (buffer + 68);
  return TRUE;
}

/* Refuses another program's database and a register of a newer format from
 * the header's bytes, before SQLite opens the file (even a read-only open
 * of a WAL database leaves files beside it). */
static gboolean
check_file_header (const char *path, gboolean *exists, GError **error)
{
  FileHeader header;

  if (!read_file_header (path, &header, error))
    return FALSE;
  *exists = header.exists;
  if (!header.exists || header.empty)
    return TRUE;
  if (header.application_id != IPD_APPLICATION_ID
      && (header.application_id != 0 || header.schema_cookie != 0))
    return refuse_foreign (path, error);
  if (header.user_version > IPD_STORE_SCHEMA_VERSION)
    return refuse_newer (path, header.user_version, error);
  return TRUE;
}

static gboolean
query_int (IpdStore *self, const char *sql, gint64 *value, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      if ((rc & 0xff) == SQLITE_NOTADB)
        return refuse_not_a_database (self->path, error);
      return ipd_store_set_error (self, error, rc, sql);
    }
  return TRUE;
}

/* The same checks through SQLite, which also sees what is still in the
 * write-ahead log, in one read transaction so that a register another
 * program is creating right now is never seen half-made. */
static gboolean
check_ownership (IpdStore *self, GError **error)
{
  gint64 application_id = 0, version = 0, n_objects = 0;
  gboolean ok;

  if (!ipd_store_exec (self, "BEGIN", error))
    return FALSE;
  ok = query_int (self, "PRAGMA application_id", &application_id, error)
       && query_int (self, "PRAGMA user_version", &version, error)
       && query_int (self, "SELECT count(*) FROM sqlite_master", &n_objects, error);
  sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (!ok)
    return FALSE;

  if (application_id != IPD_APPLICATION_ID && (application_id != 0 || n_objects > 0))
    return refuse_foreign (self->path, error);
  if (version > IPD_STORE_SCHEMA_VERSION)
    return refuse_newer (self->path, version, error);
  return TRUE;
}

/* Switching to WAL needs a moment alone with the file and does not wait
 * for the busy handler when another program is opening it too: retry. */
static gboolean
set_wal_mode (IpdStore *self, GError **error)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  int rc;

  while ((rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL)) != SQLITE_OK)
    {
      if ((rc & 0xff) != SQLITE_BUSY || g_get_monotonic_time () > deadline)
        return ipd_store_set_error (self, error, rc, "journal_mode");
      g_usleep (10 * 1000);
    }
  return TRUE;
}

static gboolean
configure_connection (IpdStore *self, GError **error)
{
  sqlite3_busy_timeout (self->db, 10000);
  sqlite3_extended_result_codes (self->db, 1);

  /* A page of the list touches rows all over the file: the connection
   * behind the window keeps up to 32 MiB of pages in memory; read-only
   * ones (workers that count, the front desk) keep SQLite's 2 MiB. (A
   * memory-mapped file would count the whole register as the program's
   * resident memory once it has been read.) */
  if (!(self->flags & IPD_STORE_READ_ONLY) && !ipd_store_exec (self, "PRAGMA cache_size = -32768", error))
    return FALSE;
  if (!ipd_store_exec (self, "PRAGMA temp_store = MEMORY", error))
    return FALSE;

  if (self->flags & IPD_STORE_READ_ONLY)
    return ipd_store_exec (self, "PRAGMA foreign_keys = ON; PRAGMA query_only = ON", error);
  return set_wal_mode (self, error)
      && ipd_store_exec (self, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON", error);
}

static gboolean
ensure_parent_directory (const char *path, GError **error)
{
  g_autofree char *directory = g_path_get_dirname (path);

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, IPD_ERROR, IPD_ERROR_IO,
                   /* Translators: a folder path, then the system's reason */
                   _("The folder “%s” cannot be created: %s"), directory, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static IpdStore *
open_connection (const char *path, IpdStoreFlags flags, GError **error)
{
  g_autoptr(IpdStore) self = NULL;
  gboolean exists = FALSE;
  int open_flags;
  int rc;

  if (!check_file_header (path, &exists, error))
    return NULL;
  if (!exists && (flags & IPD_STORE_READ_ONLY))
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND,
                   /* Translators: a file path */
                   _("There is no register at “%s”."), path);
      return NULL;
    }
  if (!exists && !ensure_parent_directory (path, error))
    return NULL;

  self = g_object_new (IPD_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->flags = flags;
  open_flags = (flags & IPD_STORE_READ_ONLY) ? SQLITE_OPEN_READONLY
                                             : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  rc = sqlite3_open_v2 (path, &self->db, open_flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      ipd_store_set_error (self, error, rc, path);
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 10000);

  if (!check_ownership (self, error)
      || !configure_connection (self, error)
      || !ipd_store_register_functions (self, error)
      || !ipd_store_register_place_functions (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* Keys made by another ICU version may sort differently: rebuild them. */
static gboolean
ensure_sort_keys_current (IpdStore *self, GError **error)
{
  g_autofree char *recorded = ipd_store_dup_setting (self, "collator_version");
  g_autofree char *current = ipd_text_collator_version ();
  gboolean ok;

  if (g_strcmp0 (recorded, current) == 0 || (self->flags & IPD_STORE_READ_ONLY))
    return TRUE;

  if (!ipd_store_write_begin (self, error))
    return FALSE;
  ok = ipd_store_rebuild_derived (self, error)
       && ipd_store_set_setting (self, "collator_version", current, error);
  return ipd_store_write_end (self, ok, error);
}

/**
 * ipd_store_open:
 * @path: the register file; created when missing
 * @flags: %IPD_STORE_READ_ONLY for a connection that refuses every write
 *
 * Opens a register, bringing its format up to date. A file that is not a
 * register, or one written by a newer version, is refused untouched.
 */
IpdStore *
ipd_store_open (const char *path, IpdStoreFlags flags, GError **error)
{
  g_autoptr(IpdStore) self = NULL;
  gint64 version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = open_connection (path, flags, error);
  if (self == NULL)
    return NULL;

  if (!query_int (self, "PRAGMA user_version", &version, error))
    return NULL;
  if (version < IPD_STORE_SCHEMA_VERSION && (flags & IPD_STORE_READ_ONLY))
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_READ_ONLY,
                   /* Translators: a file path */
                   _("The register “%s” must be brought up to date; open it once with write access."),
                   path);
      return NULL;
    }
  if (!ipd_store_migrate_to (self, IPD_STORE_SCHEMA_VERSION, error)
      || !ensure_sort_keys_current (self, error)
      || !ipd_store_ensure_tasks_current (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

IpdStore *
ipd_store_open_at_version (const char *path, int version, GError **error)
{
  g_autoptr(IpdStore) self = open_connection (path, IPD_STORE_DEFAULT, error);

  if (self == NULL || !ipd_store_migrate_to (self, version, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
ipd_store_get_path (IpdStore *self)
{
  g_return_val_if_fail (IPD_IS_STORE (self), NULL);
  return self->path;
}

gboolean
ipd_store_is_read_only (IpdStore *self)
{
  g_return_val_if_fail (IPD_IS_STORE (self), TRUE);
  return (self->flags & IPD_STORE_READ_ONLY) != 0;
}

int
ipd_store_get_schema_version (IpdStore *self)
{
  gint64 version = -1;

  g_return_val_if_fail (IPD_IS_STORE (self), -1);
  query_int (self, "PRAGMA user_version", &version, NULL);
  return (int) version;
}

/* Settings ------------------------------------------------------------------ */

char *
ipd_store_dup_setting (IpdStore *self, const char *key)
{
  g_autoptr(IpdStmt) stmt = NULL;

  g_return_val_if_fail (IPD_IS_STORE (self), NULL);
  stmt = ipd_store_prepare (self, "SELECT value FROM setting WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  ipd_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return ipd_column_dup_text (stmt, 0);
}

gboolean
ipd_store_set_setting (IpdStore *self, const char *key, const char *value, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;

  g_return_val_if_fail (IPD_IS_STORE (self), FALSE);
  if (!ipd_store_check_writable (self, error))
    return FALSE;
  stmt = ipd_store_prepare (self,
                            "INSERT INTO setting (key, value) VALUES (?1, ?2) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  ipd_bind_text (stmt, 1, key);
  ipd_bind_text (stmt, 2, value);
  return ipd_store_step_done (self, stmt, error);
}

/**
 * ipd_store_set_number_format:
 * @pattern: a regular expression an application number of @kind must match
 * @example: a number that matches it, shown in messages
 *
 * The national Office's numbering is data, not code: an office corrects it
 * here when a format changes or was not known.
 */
gboolean
ipd_store_set_number_format (IpdStore *self, const char *kind, const char *pattern,
                             const char *example, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GError) regex_error = NULL;
  int rc;

  g_return_val_if_fail (IPD_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind != NULL && pattern != NULL && example != NULL, FALSE);

  if (!ipd_store_check_writable (self, error))
    return FALSE;
  /* A blank pattern would match every number: no check at all, by accident. */
  if (ipd_text_is_blank (pattern) || ipd_text_is_blank (example))
    {
      g_set_error_literal (error, IPD_ERROR, IPD_ERROR_INVALID,
                           ipd_text_is_blank (pattern)
                           ? _("Number format: give the pattern that application numbers must match")
                           : _("Number format: give an example of a right application number"));
      return FALSE;
    }
  regex = g_regex_new (pattern, 0, 0, &regex_error);
  if (regex == NULL)
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
                   /* Translators: the pattern, then why it is wrong */
                   _("Number format: “%s” is not a valid pattern (%s)"), pattern, regex_error->message);
      return FALSE;
    }
  if (!g_regex_match (regex, example, 0, NULL))
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
                   /* Translators: an example number, then the pattern */
                   _("Number format: the example “%s” does not match “%s”"), example, pattern);
      return FALSE;
    }
  stmt = ipd_store_prepare (self,
                            "INSERT INTO number_format (kind, pattern, example) VALUES (?1, ?2, ?3)"
                            " ON CONFLICT (kind) DO UPDATE SET pattern = excluded.pattern, example = excluded.example",
                            error);
  if (stmt == NULL)
    return FALSE;
  ipd_bind_text (stmt, 1, kind);
  ipd_bind_text (stmt, 2, pattern);
  ipd_bind_text (stmt, 3, example);
  rc = sqlite3_step (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)   /* the kind's reference */
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
                   /* Translators: %s is what the user typed as a kind */
                   _("Number format: “%s” is not a kind of this register"), kind);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return ipd_store_set_error (self, error, rc, "number_format");
  return TRUE;
}

/**
 * ipd_store_list_number_formats:
 *
 * Returns: (transfer container) (element-type IpdNumberFormat): one entry
 *   per kind of the register, in the kinds' order, with its format when it
 *   has one.
 */
GPtrArray *
ipd_store_list_number_formats (IpdStore *self, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  g_autoptr(GPtrArray) formats = NULL;
  int rc;

  g_return_val_if_fail (IPD_IS_STORE (self), NULL);
  stmt = ipd_store_prepare (self,
                            "SELECT k.code, f.pattern, f.example FROM kind k"
                            " LEFT JOIN number_format f ON f.kind = k.code ORDER BY k.rowid",
                            error);
  if (stmt == NULL)
    return NULL;
  formats = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_number_format_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IpdNumberFormat *format = g_new0 (IpdNumberFormat, 1);

      format->kind = ipd_column_dup_text (stmt, 0);
      format->pattern = ipd_column_dup_text (stmt, 1);
      format->example = ipd_column_dup_text (stmt, 2);
      g_ptr_array_add (formats, format);
    }
  if (rc != SQLITE_DONE)
    {
      ipd_store_set_error (self, error, rc, "number_format");
      return NULL;
    }
  return g_steal_pointer (&formats);
}

void
ipd_number_format_free (IpdNumberFormat *format)
{
  if (format == NULL)
    return;
  g_free (format->kind);
  g_free (format->pattern);
  g_free (format->example);
  g_free (format);
}

/* Backups ------------------------------------------------------------------- */

static gboolean
copy_pages (IpdStore *self, sqlite3 *destination, GCancellable *cancellable, GError **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (destination, "main", self->db, "main");
  int rc;

  if (backup == NULL)
    return set_error_from_connection (destination, error, sqlite3_errcode (destination), "backup");

  /* Copy in steps so other writers are not held up, and so the user can cancel. */
  do
    {
      rc = sqlite3_backup_step (backup, 512);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        g_usleep (20 * 1000);
    }
  while ((rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
         && !g_cancellable_is_cancelled (cancellable));

  sqlite3_backup_finish (backup);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (rc != SQLITE_DONE)
    return set_error_from_connection (destination, error, rc, "backup");
  return TRUE;
}

/**
 * ipd_store_backup:
 * @destination: the backup file; replaced only once the copy is complete
 *
 * Copies the whole register to @destination while it stays open and usable.
 */
gboolean
ipd_store_backup (IpdStore *self, const char *destination, GCancellable *cancellable,
                  GError **error)
{
  g_autofree char *partial = NULL;
  sqlite3 *target = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (IPD_IS_STORE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  /* Write beside the destination, then rename: a failed backup (a full
   * disk, a cancel) never leaves a half file under the backup's name. */
  partial = g_strdup_printf ("%s.partial", destination);
  g_unlink (partial);
  rc = sqlite3_open_v2 (partial, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_IO,
                   /* Translators: a file path, then the system's reason */
                   _("The backup “%s” cannot be written: %s"), destination,
                   target ? sqlite3_errmsg (target) : sqlite3_errstr (rc));
      sqlite3_close (target);
      return FALSE;
    }

  ok = copy_pages (self, target, cancellable, error);
  /* The copy keeps WAL mode; switch it back so the backup is one self-contained file. */
  if (ok && sqlite3_exec (target, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    ok = set_error_from_connection (target, error, sqlite3_errcode (target), "backup");
  sqlite3_close (target);

  if (ok && g_rename (partial, destination) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, IPD_ERROR, IPD_ERROR_IO,
                   _("The backup “%s” cannot be written: %s"), destination,
                   g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (partial);
  return ok;
}

void
ipd_problem_free (IpdProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}
