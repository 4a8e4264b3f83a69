/* ipd-generator.c — realistic synthetic registers
 *
 * Vietnamese names, communes, products, all kinds and statuses, about ten
 * events per dossier following the procedure's order. The same seed gives
 * the same register. Everything goes through the store's public functions,
 * so generated data obeys the same rules as entered data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-generator"

#include "config.h"

#include <math.h>

#include "ipd-date.h"
#include "ipd-generator.h"
#include "ipd-vocabulary.h"

#define BATCH_SIZE 500

static const char *provinces[] = {
  "Thành phố Hà Nội", "Thành phố Huế", "Tỉnh Lai Châu", "Tỉnh Điện Biên", "Tỉnh Sơn La",
  "Tỉnh Lạng Sơn", "Tỉnh Quảng Ninh", "Tỉnh Thanh Hóa", "Tỉnh Nghệ An", "Tỉnh Hà Tĩnh",
  "Tỉnh Cao Bằng", "Tỉnh Tuyên Quang", "Tỉnh Lào Cai", "Tỉnh Thái Nguyên", "Tỉnh Phú Thọ",
  "Tỉnh Bắc Ninh", "Tỉnh Hưng Yên", "Thành phố Hải Phòng", "Tỉnh Ninh Bình", "Tỉnh Quảng Trị",
  "Thành phố Đà Nẵng", "Tỉnh Quảng Ngãi", "Tỉnh Gia Lai", "Tỉnh Khánh Hòa", "Tỉnh Lâm Đồng",
  "Tỉnh Đắk Lắk", "Thành phố Hồ Chí Minh", "Tỉnh Đồng Nai", "Tỉnh Tây Ninh", "Thành phố Cần Thơ",
  "Tỉnh Vĩnh Long", "Tỉnh Đồng Tháp", "Tỉnh Cà Mau", "Tỉnh An Giang",
};

static const char *syllables[] = {
  "Tân", "Phú", "Minh", "Hòa", "An", "Đông", "Lạc", "Sơn", "Thịnh", "Đức", "Yên", "Bình",
  "Phúc", "Hưng", "Lâm", "Thanh", "Mường", "Nậm", "Bản", "Phìn", "Tả", "Sìn", "Khoen", "Pá",
  "Hồng", "Quang", "Trung", "Đại", "Thượng", "Tiến", "Lợi", "Xuân", "Ngọc", "Cẩm", "Vĩnh",
  "Đồng", "Kim", "Long", "Thái", "Hải", "Quỳnh", "Lương", "Ưng", "Ơn", "Ẳng", "Giang",
};

static const char *products[] = {
  "Chè", "Cà phê", "Gạo", "Nếp", "Mật ong", "Cam", "Bưởi", "Xoài", "Nhãn", "Vải thiều",
  "Chanh leo", "Thịt lợn", "Nước mắm", "Hạt điều", "Hồ tiêu", "Sâm", "Quế", "Hồi",
  "Miến dong", "Mắm tôm", "Măng", "Thảo quả", "Gừng", "Tỏi", "Đào", "Mận", "Hồng không hạt",
  "Dưa hấu", "Sầu riêng", "Rượu ngô", "Chuối", "Dứa", "Cá tra", "Tôm", "Muối",
};

/* The Nice class where each product belongs, in the order above. */
static const int product_classes[] = {
  30, 30, 30, 30, 30, 31, 31, 31, 31, 31, 31, 29, 30, 29, 30, 5, 30, 30,
  30, 30, 29, 30, 30, 31, 31, 31, 31, 31, 31, 33, 31, 31, 29, 29, 30,
};
G_STATIC_ASSERT (G_N_ELEMENTS (products) == G_N_ELEMENTS (product_classes));

static const char *family_names[] = {
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lò", "Vàng",
  "Giàng", "Hà", "Lường", "Đinh", "Ngô",
};
static const char *middle_names[] = { "Văn", "Thị", "Đức", "Minh", "Quốc", "Thu", "Ngọc", "Hữu" };
static const char *given_names[] = {
  "An", "Bình", "Cường", "Dũng", "Đạt", "Hoa", "Hương", "Lan", "Mai", "Nam", "Phúc", "Quân",
  "Sơn", "Thảo", "Tuấn", "Yến", "Ánh", "Ước", "Ơn", "Đào",
};
static const char *cooperative_trades[] = {
  "Nông nghiệp", "Dịch vụ nông nghiệp", "Chè", "Cà phê", "Nông lâm nghiệp", "Rau an toàn",
  "Mật ong", "Dược liệu", "Thủy sản",
};

/* Steps of the procedure, in order, with the months each usually takes. */
typedef struct {
  const char *type;
  int         months_after_previous;
  int         percent_taken;   /* how often a dossier goes through this step */
} Step;

static const Step steps[] = {
  { "filed",               0, 100 },
  { "formality_accepted",  1,  95 },
  { "published",           2,  95 },
  { "opposition_received", 3,  10 },
  { "opposition_answered", 2, 100 },
  { "office_action",       6,  40 },
  { "response_filed",      2, 100 },
  { "intended_grant",      4,  85 },
  { "grant_fee_paid",      1,  95 },
  { "granted",             1, 100 },
};

#define N_OFFICERS 12   /* a department's IP officers */

typedef struct {
  IpdStore  *store;
  GRand     *rand;
  char      *officers[N_OFFICERS];
  GArray    *party_ids;
  GHashTable *numbers_per_year;   /* year → last sequence number used */
  char      *today;
} Generator;

#define PICK(g, array) (array[g_rand_int_range ((g)->rand, 0, G_N_ELEMENTS (array))])

static char *
place_name (Generator *g)
{
  return g_strdup_printf ("%s %s", PICK (g, syllables), PICK (g, syllables));
}

static char *
person_name (Generator *g)
{
  return g_strdup_printf ("%s %s %s", PICK (g, family_names), PICK (g, middle_names), PICK (g, given_names));
}

static char *
digits (Generator *g, guint n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_c (text, '0' + g_rand_int_range (g->rand, i == 0 ? 1 : 0, 10));
  return g_string_free (text, FALSE);
}

static IpdParty *
make_party (Generator *g)
{
  g_autofree char *place = place_name (g);
  g_autofree char *person = person_name (g);
  g_autofree char *phone = digits (g, 9);
  IpdParty *party;
  int kind = g_rand_int_range (g->rand, 0, 10);

  if (kind < 6)
    party = ipd_party_new (NULL, "cooperative"),
    party->name = g_strdup_printf ("HTX %s %s", PICK (g, cooperative_trades), place);
  else if (kind < 8)
    party = ipd_party_new (NULL, "enterprise"),
    party->name = g_strdup_printf ("%s %s", g_rand_boolean (g->rand) ? "Công ty TNHH" : "CTCP", place);
  else
    party = ipd_party_new (NULL, "household"),
    party->name = g_strdup_printf ("Hộ kinh doanh %s", person);

  party->province = g_strdup (PICK (g, provinces));
  party->commune = g_strdup_printf ("Xã %s", place);
  party->address = g_strdup_printf ("Thôn %s, %s, %s", PICK (g, syllables), party->commune, party->province);
  party->tax_code = digits (g, 10);
  party->phone = g_strdup_printf ("0%s", phone);
  return party;
}

static gboolean
make_parties (Generator *g, guint n, GError **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IpdParty) party = make_party (g);

      if (!ipd_store_save_party (g->store, party, error))
        return FALSE;
      g_array_append_val (g->party_ids, party->id);
    }
  return TRUE;
}

static const char *
pick_kind (Generator *g)
{
  int n = g_rand_int_range (g->rand, 0, 100);

  if (n < 70) return IPD_KIND_TRADEMARK;
  if (n < 82) return IPD_KIND_COLLECTIVE;
  if (n < 95) return IPD_KIND_CERTIFICATION;
  return IPD_KIND_GI;
}

static char *
application_number (Generator *g, const char *kind, int year)
{
  int *last = g_hash_table_lookup (g->numbers_per_year, GINT_TO_POINTER (year));

  if (last == NULL)
    {
      last = g_new0 (int, 1);
      *last = g_rand_int_range (g->rand, 0, 1000);
      g_hash_table_insert (g->numbers_per_year, GINT_TO_POINTER (year), last);
    }
  *last += g_rand_int_range (g->rand, 1, 4);
  return g_strdup_printf ("%c-%04d-%05d", g_str_equal (kind, IPD_KIND_GI) ? '6' : '4', year, *last);
}

static GDate *
random_filing_date (Generator *g)
{
  GDate *date = g_date_new_dmy (1, G_DATE_JANUARY, 2012);

  /* Spread over the years up to now, later years a little busier. */
  g_date_add_days (date, (guint) (sqrt (g_rand_double (g->rand)) * 365.25 * 14.8));
  return date;
}

static IpdDossier *
make_dossier (Generator *g, const GDate *filing, gboolean filed)
{
  int product = g_rand_int_range (g->rand, 0, G_N_ELEMENTS (products));
  g_autofree char *place = place_name (g);
  const char *kind = pick_kind (g);
  const char *province = PICK (g, provinces);
  IpdDossier *d = ipd_dossier_new (kind, NULL);
  gint64 party_id = g_array_index (g->party_ids, gint64,
                                   g_rand_int_range (g->rand, 0, g->party_ids->len));

  d->name = g_str_equal (kind, IPD_KIND_GI) ? g_strdup (place)
                                            : g_strdup_printf ("%s %s", products[product], place);
  if (g_rand_int_range (g->rand, 0, 10) == 0)
    {
      g_autofree char *alias = g_strdup_printf ("%s %s", d->name, strchr (province, ' ') + 1);
      ipd_dossier_add_alias (d, alias);
    }
  d->officer = g_strdup (g->officers[g_rand_int_range (g->rand, 0, N_OFFICERS)]);
  if (filed)
    {
      d->filing_date = ipd_date_from_gdate (filing);
      d->app_number = application_number (g, kind, g_date_get_year (filing));
    }
  if (g_rand_int_range (g->rand, 0, 5) == 0)
    {
      d->programme = g_strdup_printf ("Chương trình hỗ trợ phát triển tài sản trí tuệ %s", province);
      d->support_amount = g_rand_int_range (g->rand, 5, 61) * 1000000;
    }

  if (g_str_equal (kind, IPD_KIND_GI))
    {
      g_autofree char *district = g_strdup_printf ("Huyện %s (cũ)", place);

      ipd_dossier_add_product (d, products[product]);
      ipd_dossier_add_characteristic (d, products[product], "Độ cao", "300–1.200", "m");
      ipd_dossier_add_area_unit (d, district, NULL, province);
      ipd_dossier_add_party (d, party_id, IPD_ROLE_MANAGING_ORG, NULL);
    }
  else
    {
      ipd_dossier_add_class (d, product_classes[product], products[product]);
      if (!g_str_equal (kind, IPD_KIND_TRADEMARK))
        d->regulation_ref = g_strdup_printf ("Quy chế sử dụng nhãn hiệu “%s”", d->name);
      ipd_dossier_add_party (d, party_id, IPD_ROLE_APPLICANT, NULL);
    }
  return d;
}

static gboolean
is_after_today (Generator *g, const GDate *date)
{
  g_autofree char *iso = ipd_date_from_gdate (date);
  return strcmp (iso, g->today) > 0;
}

/* How far a dossier filed on @filing has gone. Its events come at the
 * procedure's pace and stop at today, so a recent dossier is as far as
 * time allows; one in ten recent ones stalls at some stage (the office's
 * backlog, an applicant who does not answer). Older ones were granted,
 * or (one in ten) stopped somewhere and were withdrawn, as a real
 * register's old dossiers are all closed. */
static int
last_step_for (Generator *g, const GDate *filing, gboolean *withdrawn)
{
  g_autoptr(GDate) three_years_on = g_date_copy (filing);

  g_date_add_years (three_years_on, 3);
  *withdrawn = FALSE;
  if (is_after_today (g, three_years_on))
    return g_rand_int_range (g->rand, 0, 10) == 0 ? g_rand_int_range (g->rand, 0, G_N_ELEMENTS (steps))
                                                  : (int) G_N_ELEMENTS (steps) - 1;
  if (g_rand_int_range (g->rand, 0, 10) == 0)
    {
      *withdrawn = TRUE;
      return g_rand_int_range (g->rand, 0, G_N_ELEMENTS (steps) - 1);
    }
  return G_N_ELEMENTS (steps) - 1;
}

static gboolean
add_event (Generator *g, IpdDossier *d, const GDate *date, const char *type, GError **error)
{
  g_autofree char *iso = ipd_date_from_gdate (date);
  g_autoptr(IpdEvent) event = NULL;

  if (is_after_today (g, date))
    return TRUE;
  event = ipd_event_new (d->id, iso, type);
  return ipd_store_save_event (g->store, event, error);
}

/* A granted mark near or past its term: most owners renew in the window,
 * the others let it expire after the grace period. */
static gboolean
add_renewals (Generator *g, IpdDossier *d, const GDate *filing, GError **error)
{
  g_autoptr(GDate) expiry = g_date_copy (filing);

  if (g_str_equal (d->kind, IPD_KIND_GI))
    return TRUE;
  for (g_date_add_years (expiry, 10); !is_after_today (g, expiry); g_date_add_years (expiry, 10))
    {
      g_autoptr(GDate) when = g_date_copy (expiry);

      if (g_rand_int_range (g->rand, 0, 10) < 7)
        {
          g_date_subtract_months (when, 3);
          if (!add_event (g, d, when, "renewal_requested", error))
            return FALSE;
          g_date_add_months (when, 2);
          if (!add_event (g, d, when, "renewed", error))
            return FALSE;
          continue;
        }
      g_date_add_months (when, 7);
      return add_event (g, d, when, "expired", error);
    }
  return TRUE;
}

/* Adds the events of the procedure in order, up to the dossier's last stage
 * and never after today. Notes bring the count to about ten. */
static gboolean
make_events (Generator *g, IpdDossier *d, GDate *date, GError **error)
{
  g_autoptr(GDate) filing = g_date_copy (date);
  gboolean withdrawn;
  int last_step = last_step_for (g, filing, &withdrawn);
  int n_notes = g_rand_int_range (g->rand, 0, 6);
  gboolean skip_answer = TRUE;

  for (int i = 0; i <= last_step; i++)
    {
      g_autofree char *iso = NULL;
      g_autoptr(IpdEvent) event = NULL;

      /* An answer step follows only when its trigger happened. */
      if ((g_str_equal (steps[i].type, "opposition_answered") || g_str_equal (steps[i].type, "response_filed"))
          && skip_answer)
        continue;
      if (g_rand_int_range (g->rand, 0, 100) >= steps[i].percent_taken)
        {
          skip_answer = TRUE;
          continue;
        }
      skip_answer = FALSE;

      g_date_add_months (date, steps[i].months_after_previous);
      g_date_add_days (date, g_rand_int_range (g->rand, 0, 20));
      iso = ipd_date_from_gdate (date);
      if (strcmp (iso, g->today) > 0)
        break;

      event = ipd_event_new (d->id, iso, steps[i].type);
      if (g_str_equal (steps[i].type, "office_action"))
        event->period_months = g_rand_boolean (g->rand) ? 2 : 3;
      if (g_str_equal (steps[i].type, "granted"))
        event->reference = g_strdup_printf ("%d/QĐ-SHTT", g_rand_int_range (g->rand, 100, 99999));
      if (!ipd_store_save_event (g->store, event, error))
        return FALSE;

      for (int j = 0; j < n_notes / 3 + 1 && i < 9; j++)
        {
          g_autoptr(IpdEvent) note = ipd_event_new (d->id, iso, "note");
          note->note = g_strdup_printf ("Trao đổi với %s", PICK (g, family_names));
          if (!ipd_store_save_event (g->store, note, error))
            return FALSE;
        }
    }
  if (withdrawn)
    {
      g_date_add_months (date, 2);
      return add_event (g, d, date, "withdrawn", error);
    }
  if (last_step == G_N_ELEMENTS (steps) - 1)
    return add_renewals (g, d, filing, error);
  return TRUE;
}

static gboolean
make_one (Generator *g, GError **error)
{
  g_autoptr(GDate) filing = random_filing_date (g);
  g_autofree char *iso = ipd_date_from_gdate (filing);
  gboolean filed = strcmp (iso, g->today) <= 0 && g_rand_int_range (g->rand, 0, 30) != 0;
  g_autoptr(IpdDossier) d = make_dossier (g, filing, filed);

  if (!ipd_store_save_dossier (g->store, d, error))
    return FALSE;
  return !filed || make_events (g, d, filing, error);
}

gboolean
ipd_generator_run (IpdStore *store, guint n_dossiers, guint32 seed,
                   IpdGeneratorProgress progress, gpointer user_data,
                   GCancellable *cancellable, GError **error)
{
  Generator g = { .store = store, .rand = g_rand_new_with_seed (seed),
                  .party_ids = g_array_new (FALSE, FALSE, sizeof (gint64)),
                  .numbers_per_year = g_hash_table_new_full (NULL, NULL, NULL, g_free),
                  .today = ipd_date_today () };
  gboolean ok = TRUE;

  g_return_val_if_fail (IPD_IS_STORE (store), FALSE);

  for (guint i = 0; i < N_OFFICERS; i++)
    g.officers[i] = person_name (&g);
  for (guint done = 0; ok && done < n_dossiers; )
    {
      guint batch = MIN (BATCH_SIZE, n_dossiers - done);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) || !ipd_store_begin_batch (store, error))
        {
          ok = FALSE;
          break;
        }
      /* About one party for every four dossiers, shared between them. */
      ok = make_parties (&g, MAX (1, batch / 4), error);
      for (guint i = 0; ok && i < batch; i++)
        ok = make_one (&g, error);
      if (!ok)
        ipd_store_rollback_batch (store);
      else
        ok = ipd_store_commit_batch (store, error);
      done += batch;
      if (ok && progress)
        progress (done, n_dossiers, user_data);
    }

  g_rand_free (g.rand);
  g_array_unref (g.party_ids);
  g_hash_table_unref (g.numbers_per_year);
  g_free (g.today);
  for (guint i = 0; i < N_OFFICERS; i++)
    g_free (g.officers[i]);
  return ok;
}
