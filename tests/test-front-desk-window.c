/* test-front-desk-window.c — the reception's screen: what it shows, what it
 * never shows, and how it guards itself (idle reset, rate limit, PIN)
 *
 * The register is made here with the store, then opened read-only as the
 * front desk does. Every text of the window's widgets is collected after
 * each lookup and searched for the dossier's internal values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <adwaita.h>

#include "ipd-front-desk-window.h"
#include "ipd-preferences-window.h"
#include "ipd-window.h"
#include "ipd-lookup-code.h"
#include "ipd-store.h"
#include "ipd-test-gui.h"
#include "ipd-test-records.h"
#include "ipd-test-util.h"
#include "ipd-vocabulary.h"

#define GI_NAME        "Chè Shan tuyết Suối Giàng"
#define APPLICANT      "Hội Chè Shan tuyết Suối Giàng"
#define INTERNAL_NOTE  "Chờ Sở Tài chính duyệt kinh phí QX-4471"
#define EVENT_NOTE     "Công văn nội bộ 8812/SKHCN"
#define PHONE          "0987 654 321"
#define TAX_CODE       "5200765432"
#define EMAIL          "hoi.che@suoigiang.example"
#define OFFICER        "Hoàng Thị Cán Bộ"
#define FILE_NAME      "ban-do-vung-che-noi-bo.pdf"
#define OTHER_NAME     "Gạo Séng Cù Mường Khương"
#define OTHER_NUMBER   "4-2024-03456"
#define PIN            "271828"

static gboolean translated;

typedef struct {
  char               *dir;
  char               *path;
  char               *code;
  IpdStore           *store;     /* read-only, as the front desk opens it */
  IpdFrontDeskWindow *window;
} Fixture;

/* A dossier with everything internal it can hold. */
static gint64
save_dossier (IpdStore *store, const char *kind, const char *name, const char *number,
              const char *filing_date)
{
  g_autoptr(IpdParty) party = ipd_party_new (g_strcmp0 (kind, IPD_KIND_GI) == 0 ? APPLICANT : "HTX Mường Khương",
                                             "cooperative");
  g_autoptr(IpdDossier) d = NULL;

  party->phone = g_strdup (PHONE);
  party->tax_code = g_strdup (TAX_CODE);
  party->email = g_strdup (EMAIL);
  party->address = g_strdup ("Thôn Giàng Cài, xã Suối Giàng, tỉnh Lào Cai");
  d = ipd_test_dossier_new (kind, name, number, filing_date, party);
  d->officer = g_strdup (OFFICER);
  d->internal_note = g_strdup (INTERNAL_NOTE);
  d->public_note = g_strdup ("Hồ sơ đã bổ sung bản đồ khu vực địa lý theo yêu cầu của Cục.");
  return ipd_test_save_dossier (store, d);
}

static void
add_event (IpdStore *store, gint64 dossier_id, const char *date, const char *type, const char *note)
{
  ipd_test_add_event (store, dossier_id, date, type, note != NULL ? "8812/SKHCN" : NULL, note);
}

/* A GI accepted as valid and not yet published, with everything internal
 * a dossier can hold; and a published collective mark. */
static char *
make_register (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) store = ipd_store_open (path, IPD_STORE_DEFAULT, &error);
  g_autoptr(IpdAttachment) attachment = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.4\n%%EOF\n", 15);
  gint64 gi, mark;
  char *code;

  g_assert_no_error (error);
  g_assert_true (ipd_store_set_setting (store, IPD_SETTING_AGENCY_NAME, "Sở Khoa học và Công nghệ tỉnh Lào Cai", NULL));
  gi = save_dossier (store, IPD_KIND_GI, GI_NAME, "6-2025-00031", "2025-09-08");
  add_event (store, gi, "2025-09-08", "filed", NULL);
  add_event (store, gi, "2025-10-06", "formality_accepted", NULL);
  add_event (store, gi, "2025-10-20", "note", EVENT_NOTE);
  attachment = ipd_attachment_new (gi, FILE_NAME);
  g_assert_true (ipd_store_add_attachment (store, attachment, bytes, &error));
  g_assert_no_error (error);
  mark = save_dossier (store, IPD_KIND_COLLECTIVE, OTHER_NAME, OTHER_NUMBER, "2024-01-15");
  add_event (store, mark, "2024-01-15", "filed", NULL);
  add_event (store, mark, "2024-04-10", "published", NULL);
  mark = save_dossier (store, IPD_KIND_COLLECTIVE, "Gạo Séng Cù Bát Xát", "4-2024-03457", "2024-02-15");
  add_event (store, mark, "2024-02-15", "filed", NULL);
  add_event (store, mark, "2024-05-10", "published", NULL);
  g_assert_true (ipd_store_set_front_desk_pin (store, PIN, &error));
  g_assert_no_error (error);
  code = ipd_store_issue_lookup_code (store, gi, &error);
  g_assert_no_error (error);
  return code;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = ipd_test_make_dir ("ipd-test-front-desk-window-XXXXXX");
  f->path = g_build_filename (f->dir, "register.sqlite", NULL);
  f->code = make_register (f->path);
  f->store = ipd_store_open (f->path, IPD_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  f->window = ipd_front_desk_window_new (NULL, f->store);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  ipd_test_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  ipd_test_iterate (10);
  g_clear_object (&f->store);
  ipd_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->code);
}

/* Every text a widget of the window can show or speak. */
static void
collect_text (GtkWidget *widget, GString *text)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_EDITABLE (widget))
    g_string_append_printf (text, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));
  if (GTK_IS_ENTRY (widget) && gtk_entry_get_placeholder_text (GTK_ENTRY (widget)) != NULL)
    g_string_append_printf (text, "%s\n", gtk_entry_get_placeholder_text (GTK_ENTRY (widget)));
  if (GTK_IS_WINDOW (widget) && gtk_window_get_title (GTK_WINDOW (widget)) != NULL)
    g_string_append_printf (text, "%s\n", gtk_window_get_title (GTK_WINDOW (widget)));
  if (tooltip != NULL)
    g_string_append_printf (text, "%s\n", tooltip);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static char *
window_text (Fixture *f)
{
  GString *text = g_string_new (NULL);

  collect_text (GTK_WIDGET (f->window), text);
  return g_string_free (text, FALSE);
}

static void
look_up (Fixture *f, const char *text)
{
  GtkWidget *entry = ipd_test_get_named (GTK_WIDGET (f->window), "front-desk-entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  ipd_test_iterate (20);
}

static const char *
page (Fixture *f)
{
  GtkWidget *name = ipd_test_get_named (GTK_WIDGET (f->window), "front-desk-name");
  GtkWidget *stack = gtk_widget_get_ancestor (name, GTK_TYPE_STACK);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static const char *
shown_name (Fixture *f)
{
  return gtk_label_get_text (GTK_LABEL (ipd_test_get_named (GTK_WIDGET (f->window), "front-desk-name")));
}

static void
assert_nothing_internal (const char *text)
{
  static const char *secrets[] = {
    INTERNAL_NOTE, "QX-4471", EVENT_NOTE, "8812/SKHCN", PHONE, TAX_CODE, EMAIL, OFFICER,
    FILE_NAME, "Giàng Cài", OTHER_NAME, "HTX Mường Khương", "Chè Shan tuyết\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    if (strstr (text, secrets[i]) != NULL)
      g_error ("the front desk shows \"%s\":\n%s", secrets[i], text);
}

static void
test_shows_public_only (Fixture *f, gconstpointer data)
{
  g_autofree char *before = window_text (f);
  g_autofree char *after = NULL, *formatted = ipd_lookup_code_format (f->code);
  GtkWidget *status = ipd_test_get_named (GTK_WIDGET (f->window), "front-desk-status");
  GtkWidget *milestones = ipd_test_get_named (GTK_WIDGET (f->window), "front-desk-milestones");
  GtkWidget *entry = ipd_test_get_named (GTK_WIDGET (f->window), "front-desk-entry");
  GString *milestone_text = g_string_new (NULL);

  assert_nothing_internal (before);
  g_assert_null (strstr (before, GI_NAME));
  if (translated)
    ipd_test_assert_translated (GTK_WIDGET (f->window), "the front desk's start screen");

  look_up (f, formatted);
  g_assert_cmpstr (page (f), ==, "dossier");
  g_assert_cmpstr (shown_name (f), ==, GI_NAME);
  /* accepted on 06/10/2025; publication due two months later */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (status)), "06/10/2025"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (status)), "06/12/2025"));
  if (!translated)
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==,
                     "The application was accepted as valid on 06/10/2025; publication is expected by 06/12/2025.");
  /* two public milestones; the internal note event is not one */
  collect_text (milestones, milestone_text);
  g_assert_nonnull (strstr (milestone_text->str, "08/09/2025"));
  g_assert_nonnull (strstr (milestone_text->str, "06/10/2025"));
  g_assert_null (strstr (milestone_text->str, "20/10/2025"));
  g_string_free (milestone_text, TRUE);
  /* the code is not left in the entry for the next visitor, and the entry
   * stays on screen with the keyboard: the next scan goes there */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (gtk_widget_get_mapped (entry));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) == entry
                 || gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (f->window)), entry));

  after = window_text (f);
  g_assert_nonnull (strstr (after, APPLICANT));
  g_assert_nonnull (strstr (after, "Hồ sơ đã bổ sung bản đồ"));
  g_assert_nonnull (strstr (after, ipd_vocabulary_label (IPD_VOCAB_KIND, IPD_KIND_GI)));
  assert_nothing_internal (after);
  ipd_test_wait_ms (500);   /* the pages cross-fade */
  if (translated)
    ipd_test_assert_translated (GTK_WIDGET (f->window), "the front desk showing a dossier");
  ipd_test_save_screenshot (GTK_WIDGET (f->window), translated ? "front-desk-vi.png" : "front-desk-C.png");
}

static void
test_unpublished_needs_code (Fixture *f, gconstpointer data)
{
  GtkWidget *message = ipd_test_get_named (GTK_WIDGET (f->window), "front-desk-message");
  g_autofree char *text = NULL;
  GtkListBox *results;

  look_up (f, GI_NAME);
  g_assert_cmpstr (page (f), ==, "start");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_cmpstr (shown_name (f), ==, "");
  ipd_test_wait_ms (500);
  ipd_test_save_screenshot (GTK_WIDGET (f->window), translated ? "front-desk-not-found-vi.png"
                                                                : "front-desk-not-found-C.png");
  look_up (f, "6-2025-00031");
  g_assert_cmpstr (page (f), ==, "start");
  look_up (f, "suoi giang");
  g_assert_cmpstr (page (f), ==, "start");

  /* two published marks share the words: the visitor chooses */
  look_up (f, "gao seng cu");
  g_assert_cmpstr (page (f), ==, "results");
  results = GTK_LIST_BOX (ipd_test_get_named (GTK_WIDGET (f->window), "front-desk-results"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (results, 1));
  g_assert_null (gtk_list_box_get_row_at_index (results, 2));
  text = window_text (f);
  g_assert_nonnull (strstr (text, "Gạo Séng Cù Bát Xát"));
  g_assert_nonnull (strstr (text, OTHER_NAME));
  g_assert_null (strstr (text, PHONE));
  g_clear_pointer (&text, g_free);
  g_signal_emit_by_name (results, "row-activated", gtk_list_box_get_row_at_index (results, 1));
  ipd_test_iterate (10);
  g_assert_cmpstr (page (f), ==, "dossier");
  g_assert_true (g_str_has_prefix (shown_name (f), "Gạo Séng Cù"));
  look_up (f, "seng cu muong khuong");
  g_assert_cmpstr (page (f), ==, "dossier");
  g_assert_cmpstr (shown_name (f), ==, OTHER_NAME);
  look_up (f, "4 2024 03456");
  g_assert_cmpstr (shown_name (f), ==, OTHER_NAME);
  text = window_text (f);
  g_assert_null (strstr (text, PHONE));
  g_assert_null (strstr (text, INTERNAL_NOTE));
}

static void
test_rate_limit (Fixture *f, gconstpointer data)
{
  GtkWidget *message = ipd_test_get_named (GTK_WIDGET (f->window), "front-desk-message");

  for (int i = 0; i < IPD_FRONT_DESK_LOOKUPS_PER_MINUTE; i++)
    {
      look_up (f, i % 2 == 0 ? "ZZZZZ-ZZZZZ" : "khong co ho so nay");
      g_assert_cmpstr (page (f), ==, "start");
    }
  /* the eleventh, even with the right code, waits */
  look_up (f, f->code);
  g_assert_cmpstr (page (f), ==, "start");
  g_assert_cmpstr (shown_name (f), ==, "");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "60"));
}

static void
test_idle_reset (Fixture *f, gconstpointer data)
{
  GtkWidget *entry = ipd_test_get_named (GTK_WIDGET (f->window), "front-desk-entry");

  g_object_set (f->window, "idle-seconds", 1, NULL);
  look_up (f, f->code);
  g_assert_cmpstr (page (f), ==, "dossier");
  ipd_test_wait_ms (2500);
  g_assert_cmpstr (page (f), ==, "start");
  g_assert_cmpstr (shown_name (f), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  /* a visitor typing is not interrupted: input postpones the reset */
  gtk_editable_set_text (GTK_EDITABLE (entry), "ABC");
  g_object_set (f->window, "idle-seconds", 3, NULL);
  ipd_front_desk_window_look_up (f->window, "");   /* counts as input, looks up nothing */
  ipd_test_wait_ms (1500);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "ABC");
  ipd_test_wait_ms (2500);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

/* What a click on the dialog's button does: the answer, then closing. */
static void
respond (AdwMessageDialog *dialog, const char *response)
{
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  ipd_test_iterate (20);
}

static AdwMessageDialog *
pin_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window)
          && g_strcmp0 (gtk_widget_get_name (window), "front-desk-pin-dialog") == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Types @pin and answers "Leave"; returns once it has been checked (on a
 * worker thread): asked again, or the front desk gone. */
static void
answer_pin (const char *pin)
{
  AdwMessageDialog *dialog = pin_dialog ();
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), pin);
  respond (dialog, "leave");
  while (pin_dialog () == NULL && ipd_test_find_toplevel (IPD_TYPE_FRONT_DESK_WINDOW) != NULL
         && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_pin_required (Fixture *f, gconstpointer data)
{
  g_autoptr(GtkApplication) app = gtk_application_new ("io.github.ipdossiers.IpDossiers.TestFrontDesk",
                                                       G_APPLICATION_NON_UNIQUE);
  g_autoptr(GSimpleAction) quit = g_simple_action_new ("quit", NULL);
  IpdFrontDeskWindow *window;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (quit));
  gtk_window_destroy (GTK_WINDOW (f->window));
  ipd_test_iterate (10);
  g_assert_null (f->window);
  window = f->window = ipd_front_desk_window_new (app, f->store);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  ipd_test_present (GTK_WINDOW (window));
  g_assert_false (g_action_get_enabled (G_ACTION (quit)));

  /* closing asks for the PIN and stays open */
  gtk_window_close (GTK_WINDOW (window));
  ipd_test_iterate (10);
  g_assert_nonnull (f->window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_nonnull (pin_dialog ());
  answer_pin ("000000");
  g_assert_nonnull (f->window);
  g_assert_nonnull (pin_dialog ());            /* asked again, with the reason */

  /* closing again while a PIN is being checked (on a worker) asks nothing more */
  {
    AdwMessageDialog *dialog = pin_dialog ();
    gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "000000");
    adw_message_dialog_response (dialog, "leave");
    gtk_window_close (GTK_WINDOW (dialog));
    gtk_window_close (GTK_WINDOW (window));
    gtk_widget_activate_action (GTK_WIDGET (window), "front-desk.leave", NULL);
    g_assert_null (pin_dialog ());
    while (pin_dialog () == NULL && g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
    g_assert_nonnull (f->window);
    g_assert_nonnull (pin_dialog ());          /* the answer: asked again */
  }
  answer_pin ("");
  g_assert_nonnull (f->window);
  respond (pin_dialog (), "cancel");
  g_assert_nonnull (f->window);

  gtk_widget_activate_action (GTK_WIDGET (window), "front-desk.leave", NULL);
  ipd_test_iterate (10);
  answer_pin (PIN);
  g_assert_null (f->window);
  g_assert_true (g_action_get_enabled (G_ACTION (quit)));
}

/* A register that cannot be read any more: a plain message for the
 * visitor, the details only in the log, and no crash. */
static void
test_unreadable_register (Fixture *f, gconstpointer data)
{
  GtkWidget *message = ipd_test_get_named (GTK_WIDGET (f->window), "front-desk-message");
  const char *shown;

  g_assert_cmpint (truncate (f->path, 0), ==, 0);
  g_test_expect_message ("ipd-front-desk", G_LOG_LEVEL_WARNING, "Front desk lookup failed: *");
  look_up (f, f->code);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (page (f), ==, "start");
  g_assert_cmpstr (shown_name (f), ==, "");
  g_assert_true (gtk_widget_get_visible (message));
  shown = gtk_label_get_text (GTK_LABEL (message));
  if (!translated)
    g_assert_cmpstr (shown, ==, "The register cannot be read at the moment. Please ask an officer.");
  g_assert_null (strstr (shown, "SQL"));
  g_assert_null (strstr (shown, f->path));
}

/* Five wrong PINs and the sixth try waits, even with the right one. */
static void
test_pin_attempts_limited (Fixture *f, gconstpointer data)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "front-desk.leave", NULL);
  ipd_test_iterate (10);
  for (int i = 0; i < IPD_FRONT_DESK_PIN_ATTEMPTS; i++)
    answer_pin ("111111");
  answer_pin (PIN);
  g_assert_nonnull (f->window);
  respond (pin_dialog (), "cancel");
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static int
run_gui (const char *db, char **err)
{
  const char *argv[] = { g_getenv ("IPD_GUI"), "--front-desk", "--db", db, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* ipdossiers --front-desk refuses, before any window, a register it could
 * not close (no PIN) or cannot read, and leaves the file as it was. */
static void
test_command_line_refuses (Fixture *f, gconstpointer data)
{
  g_autofree char *bare = g_build_filename (f->dir, "bare.sqlite", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.sqlite", NULL);
  g_autofree char *err = NULL, *before = NULL, *after = NULL;

  if (g_getenv ("IPD_GUI") == NULL)
    {
      g_test_skip ("IPD_GUI is set by meson test");
      return;
    }
  g_object_unref (ipd_store_open (bare, IPD_STORE_DEFAULT, NULL));
  before = file_sha256 (bare);
  g_assert_cmpint (run_gui (bare, &err), ==, 1);
  g_assert_nonnull (strstr (err, bare));
  after = file_sha256 (bare);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_gui (missing, &err), ==, 1);
  g_assert_cmpstr (g_strstrip (err), !=, "");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static GtkWindow *
find_named_toplevel (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (window) && g_strcmp0 (gtk_widget_get_name (window), name) == 0)
        return GTK_WINDOW (window);
    }
  return NULL;
}

static void
answer_new_pin (const char *pin, const char *again)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (find_named_toplevel ("front-desk-pin-setup"));
  GtkWidget *box;

  g_assert_nonnull (dialog);
  box = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (ipd_test_get_named (box, "new-pin")), pin);
  gtk_editable_set_text (GTK_EDITABLE (ipd_test_get_named (box, "new-pin-again")), again);
  respond (dialog, "set");
}

static gboolean
setting_changed (IpdStore *store, const char *before)
{
  g_autofree char *now = ipd_store_dup_setting (store, IPD_SETTING_FRONT_DESK_PIN);

  return g_strcmp0 (now, before) != 0;
}

/* Preferences → Register → Front Desk: typed twice, refused until both
 * agree and are 4–12 digits, kept as a salted hash. */
static void
test_preferences_set_pin (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "officer.sqlite", NULL);
  g_autoptr(IpdStore) store = ipd_store_open (path, IPD_STORE_DEFAULT, NULL);
  IpdPreferencesWindow *preferences = ipd_preferences_window_new (NULL, store);
  g_autofree char *stored = NULL;
  GtkWidget *pin_group;

  ipd_test_present (GTK_WINDOW (preferences));
  g_assert_false (ipd_store_has_front_desk_pin (store));
  g_signal_emit_by_name (ipd_test_get_named (GTK_WIDGET (preferences), "front-desk-set-pin"), "clicked");
  ipd_test_iterate (10);
  answer_new_pin ("314159", "314158");
  g_assert_false (ipd_store_has_front_desk_pin (store));
  answer_new_pin ("31", "31");
  g_assert_false (ipd_store_has_front_desk_pin (store));
  answer_new_pin ("314159", "314159");
  g_assert_null (find_named_toplevel ("front-desk-pin-setup"));
  /* hashed on a worker: the group waits, then says the PIN is set */
  pin_group = ipd_test_get_named (GTK_WIDGET (preferences), "front-desk-set-pin");
  g_assert_false (gtk_widget_is_sensitive (pin_group));
  while (!ipd_store_has_front_desk_pin (store))
    g_main_context_iteration (NULL, TRUE);
  ipd_test_iterate (10);
  g_assert_true (gtk_widget_is_sensitive (pin_group));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (pin_group)), ==, translated ? "Đổ_i mã PIN…" : "_Change PIN…");
  g_assert_true (ipd_store_check_front_desk_pin (store, "314159"));
  stored = ipd_store_dup_setting (store, IPD_SETTING_FRONT_DESK_PIN);
  g_assert_null (strstr (stored, "314159"));

  /* Preferences closed while the new PIN is hashed: it is kept all the same */
  g_signal_emit_by_name (pin_group, "clicked");
  ipd_test_iterate (10);
  answer_new_pin ("2718", "2718");
  gtk_window_destroy (GTK_WINDOW (preferences));
  while (!setting_changed (store, stored))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ipd_store_check_front_desk_pin (store, "2718"));
}

/* From the officer's window: a PIN first; then the officer's window hides
 * behind the front desk and comes back when an officer leaves. */
static void
test_from_main_window (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "officer.sqlite", NULL);
  g_autoptr(IpdStore) store = ipd_store_open (path, IPD_STORE_DEFAULT, NULL);
  IpdWindow *window = ipd_window_new (NULL, store, NULL);
  GtkWindow *dialog, *front_desk;
  IpdStore *front_store = NULL;

  gtk_window_destroy (GTK_WINDOW (f->window));
  ipd_test_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.front-desk", NULL);
  ipd_test_iterate (10);
  g_assert_null (ipd_test_find_toplevel (IPD_TYPE_FRONT_DESK_WINDOW));
  dialog = ipd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  respond (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_assert_true (ipd_store_set_front_desk_pin (store, PIN, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.front-desk", NULL);
  ipd_test_iterate (10);
  front_desk = ipd_test_find_toplevel (IPD_TYPE_FRONT_DESK_WINDOW);
  g_assert_nonnull (front_desk);
  g_object_get (front_desk, "store", &front_store, NULL);
  g_assert_true (front_store != store && ipd_store_is_read_only (front_store));
  g_clear_object (&front_store);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));

  gtk_widget_activate_action (GTK_WIDGET (front_desk), "front-desk.leave", NULL);
  ipd_test_iterate (10);
  answer_pin (PIN);
  ipd_test_iterate (10);
  g_assert_null (ipd_test_find_toplevel (IPD_TYPE_FRONT_DESK_WINDOW));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  translated = ipd_test_init_gui (&argc, &argv);

  g_test_add ("/front-desk-window/shows-public-only", Fixture, NULL, fixture_set_up, test_shows_public_only, fixture_tear_down);
  g_test_add ("/front-desk-window/unpublished-needs-code", Fixture, NULL, fixture_set_up, test_unpublished_needs_code, fixture_tear_down);
  g_test_add ("/front-desk-window/rate-limit", Fixture, NULL, fixture_set_up, test_rate_limit, fixture_tear_down);
  g_test_add ("/front-desk-window/idle-reset", Fixture, NULL, fixture_set_up, test_idle_reset, fixture_tear_down);
  g_test_add ("/front-desk-window/pin-required", Fixture, NULL, fixture_set_up, test_pin_required, fixture_tear_down);
  g_test_add ("/front-desk-window/command-line-refuses", Fixture, NULL, fixture_set_up, test_command_line_refuses, fixture_tear_down);
  g_test_add ("/front-desk-window/preferences-set-pin", Fixture, NULL, fixture_set_up, test_preferences_set_pin, fixture_tear_down);
  g_test_add ("/front-desk-window/from-main-window", Fixture, NULL, fixture_set_up, test_from_main_window, fixture_tear_down);
  g_test_add ("/front-desk-window/unreadable-register", Fixture, NULL, fixture_set_up, test_unreadable_register, fixture_tear_down);
  g_test_add ("/front-desk-window/pin-attempts-limited", Fixture, NULL, fixture_set_up, test_pin_attempts_limited, fixture_tear_down);

  return g_test_run ();
}
