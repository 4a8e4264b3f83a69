/* ipd-demo.c — the sample records from the provinces' own publications
 *
 * Names, products, places, the Lai Châu GI's decision and certificate, and
 * the producers come from the Lai Châu and Thái Nguyên departments'
 * publications (see shared/domain.md). Dates of steps the publications do
 * not give are illustrative, and each such record says so in its internal
 * note.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ipd-demo.h"
#include "ipd-error.h"
#include "ipd-vocabulary.h"

typedef struct {
  const char *name;
  const char *type;
  const char *address;
  const char *commune;
  const char *province;
} DemoParty;

typedef struct {
  const char *date;
  const char *type;
  const char *reference;
  const char *note;
} DemoEvent;

typedef struct {
  const char *kind;
  const char *name;
  const char *aliases;          /* "|"-separated */
  const char *app_number;
  const char *filing_date;
  const char *decision_number;
  const char *decision_date;
  const char *certificate_number;
  const char *grant_date;
  const char *officer;
  const char *programme;
  gint64      support_amount;
  const char *regulation_ref;
  const char *foreign_protection;
  const char *classes;          /* "30=Chè; trà|..." */
  const char *products;         /* "|"-separated */
  const char *characteristics;  /* "product;indicator;value;unit|..." */
  const char *area;             /* "as written;commune;province|..." */
  const char *parties;          /* "role=party name|..." */
  const char *public_note;
  const char *internal_note;
  DemoEvent   events[6];
} DemoDossier;

#define ILLUSTRATIVE "Dữ liệu mẫu: ngày và số đơn chưa có trong tài liệu công bố là minh họa."

static const DemoParty parties[] = {
  { "Sở Khoa học và Công nghệ tỉnh Lai Châu", "agency", "Phường Tân Phong, tỉnh Lai Châu", "Phường Tân Phong", "Tỉnh Lai Châu" },
  { "Sở Khoa học và Công nghệ tỉnh Thái Nguyên", "agency", "Tỉnh Thái Nguyên", NULL, "Tỉnh Thái Nguyên" },
  { "Sở Khoa học và Công nghệ tỉnh Điện Biên", "agency", "Tỉnh Điện Biên", NULL, "Tỉnh Điện Biên" },
  { "Công ty TNHH TH Hải Đăng", "enterprise", "Tỉnh Thái Nguyên", NULL, "Tỉnh Thái Nguyên" },
  { "HTX Lan Hưng", "cooperative", "Tỉnh Thái Nguyên", NULL, "Tỉnh Thái Nguyên" },
  { "HTX Tâm Trà Thái", "cooperative", "Tỉnh Thái Nguyên", NULL, "Tỉnh Thái Nguyên" },
  { "HTX Tuyết Hương", "cooperative", "Tỉnh Thái Nguyên", NULL, "Tỉnh Thái Nguyên" },
  { "HTX Nông nghiệp Liên Sơn", "cooperative", "Tỉnh Thái Nguyên", NULL, "Tỉnh Thái Nguyên" },
  { "HTX Phúc Minh", "cooperative", "Huyện Sìn Hồ, tỉnh Lai Châu", NULL, "Tỉnh Lai Châu" },
  { "HTX Mỹ Dao", "cooperative", "Huyện Sìn Hồ, tỉnh Lai Châu", NULL, "Tỉnh Lai Châu" },
  { "CTCP Sao đỏ Tây Bắc", "enterprise", "Huyện Sìn Hồ, tỉnh Lai Châu", NULL, "Tỉnh Lai Châu" },
  { "HTX Nông nghiệp Huấn Loan", "cooperative", "Xã Nậm Kè, tỉnh Điện Biên", "Xã Nậm Kè", "Tỉnh Điện Biên" },
  { "HTX Nông nghiệp, Xây dựng và Thương mại Nậm Nhùn", "cooperative", "Huyện Nậm Nhùn, tỉnh Lai Châu", NULL, "Tỉnh Lai Châu" },
};

static const DemoDossier dossiers[] = {
  { IPD_KIND_GI, "Lai Châu", NULL, NULL, NULL, "559/QĐ-SHTT", "19/08/2025", "00146", "19/08/2025",
    "Lò Văn Minh", NULL, 0, NULL, NULL, NULL,
    "Chè xanh|Chè Ô long|Chè Đông phương mỹ nhân",
    "Chè xanh;Axit glutamic;≥ 5,34;g/100 g|Chè Ô long;Axit glutamic;≥ 4,24;g/100 g|"
    "Chè Đông phương mỹ nhân;Axit glutamic;≥ 5,61;g/100 g|"
    "Chè xanh;Độ cao vùng chè Shan;1.200–2.500;m|Chè xanh;Biên độ nhiệt ngày đêm;9,74;°C|"
    "Chè xanh;Lượng mưa;2.118;mm/năm|Chè Ô long;Độ cao vùng chè Kim Tuyên;900–1.300;m|"
    "Chè Ô long;Biên độ nhiệt ngày đêm;8,26;°C|Chè Ô long;Lượng mưa;2.484;mm/năm",
    "Thành phố Lai Châu (cũ);;Tỉnh Lai Châu|Huyện Tam Đường (cũ);;Tỉnh Lai Châu|"
    "Huyện Sìn Hồ (cũ);;Tỉnh Lai Châu|Huyện Phong Thổ (cũ);;Tỉnh Lai Châu|"
    "Huyện Than Uyên (cũ);;Tỉnh Lai Châu|Huyện Tân Uyên (cũ);;Tỉnh Lai Châu",
    "managing_org=Sở Khoa học và Công nghệ tỉnh Lai Châu",
    "Đã được cấp Giấy chứng nhận đăng ký chỉ dẫn địa lý số 00146.",
    "Nguyên liệu: 1 tôm 2 lá chè Shan (chè xanh) và Kim Tuyên (Ô long, Đông phương mỹ nhân).",
    { { "19/08/2025", "granted", "559/QĐ-SHTT", "Cấp Giấy chứng nhận đăng ký CDĐL số 00146" } } },

  { IPD_KIND_GI, "Tân Cương", "Chè Tân Cương", NULL, NULL, NULL, NULL, NULL, "15/06/2007",
    "Trần Quốc Bảo", NULL, 0, NULL, "EU", NULL,
    "Chè", NULL, "Vùng chè Tân Cương;;Tỉnh Thái Nguyên",
    "managing_org=Sở Khoa học và Công nghệ tỉnh Thái Nguyên|licensee=Công ty TNHH TH Hải Đăng|"
    "licensee=HTX Lan Hưng|licensee=HTX Tâm Trà Thái|licensee=HTX Tuyết Hương|licensee=HTX Nông nghiệp Liên Sơn",
    "Chỉ dẫn địa lý được bảo hộ tại Liên minh châu Âu.", ILLUSTRATIVE,
    { { "15/06/2007", "granted", NULL, NULL } } },

  { IPD_KIND_GI, "Mường Ảng", "Cà phê Mường Ảng", "6-2023-00012", "10/03/2023", NULL, NULL, NULL, NULL,
    "Lò Văn Minh", NULL, 0, NULL, NULL, NULL,
    "Cà phê", NULL, "Huyện Mường Ảng (cũ);;Tỉnh Điện Biên",
    "applicant=Sở Khoa học và Công nghệ tỉnh Điện Biên|licensee=HTX Nông nghiệp Huấn Loan",
    "Đơn đang được thẩm định nội dung.", ILLUSTRATIVE,
    { { "10/03/2023", "filed", NULL, NULL },
      { "12/04/2023", "formality_accepted", NULL, NULL },
      { "20/06/2023", "published", NULL, NULL } } },

  { IPD_KIND_CERTIFICATION, "Chè Lai Châu", NULL, "4-2021-10231", "12/03/2021", NULL, NULL, "412345", "05/07/2023",
    "Nguyễn Thị Hoa", NULL, 0, "Quy chế sử dụng NHCN “Chè Lai Châu”", NULL,
    "30=Chè; trà", NULL, NULL, NULL,
    "owner=Sở Khoa học và Công nghệ tỉnh Lai Châu",
    NULL, ILLUSTRATIVE,
    { { "12/03/2021", "filed", NULL, NULL }, { "05/07/2023", "granted", NULL, NULL } } },

  { IPD_KIND_CERTIFICATION, "Hà thủ ô đỏ Sìn Hồ", NULL, "4-2021-10232", "12/03/2021", NULL, NULL, "412346", "05/07/2023",
    "Nguyễn Thị Hoa", NULL, 0, "Quy chế sử dụng NHCN “Hà thủ ô đỏ Sìn Hồ”", NULL,
    "5=Hà thủ ô đỏ (dược liệu)", NULL, NULL, NULL,
    "owner=Sở Khoa học và Công nghệ tỉnh Lai Châu|licensee=HTX Phúc Minh|licensee=HTX Mỹ Dao|licensee=CTCP Sao đỏ Tây Bắc",
    NULL, ILLUSTRATIVE " Tên HTX Mỹ Dao có nơi viết Mý Dao.",
    { { "12/03/2021", "filed", NULL, NULL }, { "05/07/2023", "granted", NULL, NULL } } },

  { IPD_KIND_CERTIFICATION, "Chanh leo Lai Châu", NULL, "4-2022-05518", "18/02/2022", NULL, NULL, "455012", "20/03/2024",
    "Nguyễn Thị Hoa", NULL, 0, "Quy chế sử dụng NHCN “Chanh leo Lai Châu”", NULL,
    "31=Quả chanh leo tươi", NULL, NULL, NULL,
    "owner=Sở Khoa học và Công nghệ tỉnh Lai Châu",
    NULL, ILLUSTRATIVE,
    { { "18/02/2022", "filed", NULL, NULL }, { "20/03/2024", "granted", NULL, NULL } } },

  { IPD_KIND_COLLECTIVE, "Chè Thái Nguyên", NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    "Trần Quốc Bảo", NULL, 0, "Quy chế sử dụng NHTT “Chè Thái Nguyên”", "Bảo hộ tại nhiều quốc gia",
    "30=Chè; trà", NULL, NULL, NULL,
    "owner=Sở Khoa học và Công nghệ tỉnh Thái Nguyên",
    NULL, ILLUSTRATIVE,
    { { "01/01/2010", "granted", NULL, NULL } } },

  { IPD_KIND_TRADEMARK, "Hạt Giổi", NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    "Lò Văn Minh", "Nghị quyết 09/2019/NQ-HĐND tỉnh Lai Châu", 15000000, NULL, NULL,
    "30=Hạt giổi (gia vị)", NULL, NULL, NULL,
    "applicant=HTX Nông nghiệp, Xây dựng và Thương mại Nậm Nhùn",
    NULL, "Nhiệm vụ khoa học cấp tỉnh; hồ sơ đang chuẩn bị.", { { NULL } } },

  { IPD_KIND_TRADEMARK, "Khẩu Lương Phủng", "Khâu Lương Phụng", NULL, NULL, NULL, NULL, NULL, NULL,
    "Lò Văn Minh", "Nghị quyết 09/2019/NQ-HĐND tỉnh Lai Châu", 15000000, NULL, NULL,
    "30=Gạo", NULL, NULL, "Huyện Phong Thổ (cũ);;Tỉnh Lai Châu", NULL,
    NULL, "Nhiệm vụ khoa học cấp tỉnh; hồ sơ đang chuẩn bị.", { { NULL } } },

  { IPD_KIND_TRADEMARK, "Nếp Tan Pỏm", "Nếp Tan Pôm", NULL, NULL, NULL, NULL, NULL, NULL,
    "Nguyễn Thị Hoa", "Nghị quyết 09/2019/NQ-HĐND tỉnh Lai Châu", 15000000, NULL, NULL,
    "30=Gạo nếp", NULL, NULL, "Huyện Than Uyên (cũ);;Tỉnh Lai Châu", NULL,
    NULL, "Nhiệm vụ khoa học cấp tỉnh; hồ sơ đang chuẩn bị.", { { NULL } } },

  { IPD_KIND_TRADEMARK, "Thịt lợn Trà xanh Thái Nguyên", NULL, "4-2025-20619", "15/08/2025", NULL, NULL, NULL, NULL,
    "Trần Quốc Bảo", NULL, 0, NULL, NULL,
    "29=Thịt lợn; thịt lợn chế biến", NULL, NULL, NULL, NULL,
    "Đơn đã nộp tại Cục Sở hữu trí tuệ tháng 8/2025.", ILLUSTRATIVE,
    { { "15/08/2025", "filed", NULL, "Đề xuất gửi Cục SHTT" } } },
};

static void
add_classes (IpdDossier *d, const char *spec)
{
  g_auto(GStrv) items = g_strsplit (spec, "|", -1);

  for (guint i = 0; items[i]; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], "=", 2);
      ipd_dossier_add_class (d, atoi (parts[0]), parts[1]);
    }
}

static void
add_split (IpdDossier *d, const char *spec, guint n_fields,
           void (*add) (IpdDossier *d, char **fields))
{
  g_auto(GStrv) items = g_strsplit (spec, "|", -1);

  for (guint i = 0; items[i]; i++)
    {
      g_auto(GStrv) fields = g_strsplit (items[i], ";", n_fields);
      g_assert (g_strv_length (fields) == n_fields);
      add (d, fields);
    }
}

static void
add_product (IpdDossier *d, char **f)         { ipd_dossier_add_product (d, f[0]); }
static void
add_alias (IpdDossier *d, char **f)           { ipd_dossier_add_alias (d, f[0]); }
static void
add_characteristic (IpdDossier *d, char **f)  { ipd_dossier_add_characteristic (d, f[0], f[1], f[2], f[3]); }
static void
add_area (IpdDossier *d, char **f)            { ipd_dossier_add_area_unit (d, f[0], f[1], f[2]); }

static IpdDossier *
build_dossier (const DemoDossier *demo, GHashTable *party_ids)
{
  IpdDossier *d = ipd_dossier_new (demo->kind, demo->name);

  d->app_number = g_strdup (demo->app_number);
  d->filing_date = g_strdup (demo->filing_date);
  d->decision_number = g_strdup (demo->decision_number);
  d->decision_date = g_strdup (demo->decision_date);
  d->certificate_number = g_strdup (demo->certificate_number);
  d->grant_date = g_strdup (demo->grant_date);
  d->officer = g_strdup (demo->officer);
  d->programme = g_strdup (demo->programme);
  d->support_amount = demo->support_amount;
  d->regulation_ref = g_strdup (demo->regulation_ref);
  d->foreign_protection = g_strdup (demo->foreign_protection);
  d->public_note = g_strdup (demo->public_note);
  d->internal_note = g_strdup (demo->internal_note);

  if (demo->aliases)
    add_split (d, demo->aliases, 1, add_alias);
  if (demo->classes)
    add_classes (d, demo->classes);
  if (demo->products)
    add_split (d, demo->products, 1, add_product);
  if (demo->characteristics)
    add_split (d, demo->characteristics, 4, add_characteristic);
  if (demo->area)
    add_split (d, demo->area, 3, add_area);
  if (demo->parties)
    {
      g_auto(GStrv) links = g_strsplit (demo->parties, "|", -1);
      for (guint i = 0; links[i]; i++)
        {
          g_auto(GStrv) parts = g_strsplit (links[i], "=", 2);
          gint64 *id = g_hash_table_lookup (party_ids, parts[1]);
          g_assert (id != NULL);
          ipd_dossier_add_party (d, *id, parts[0], parts[1]);
        }
    }
  return d;
}

static gboolean
save_parties (IpdStore *store, GHashTable *party_ids, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (parties); i++)
    {
      g_autoptr(IpdParty) party = ipd_party_new (parties[i].name, parties[i].type);

      party->address = g_strdup (parties[i].address);
      party->commune = g_strdup (parties[i].commune);
      party->province = g_strdup (parties[i].province);
      if (!ipd_store_save_party (store, party, error))
        return FALSE;
      g_hash_table_insert (party_ids, (gpointer) parties[i].name, g_memdup2 (&party->id, sizeof party->id));
    }
  return TRUE;
}

static gboolean
save_dossiers (IpdStore *store, GHashTable *party_ids, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (dossiers); i++)
    {
      g_autoptr(IpdDossier) d = build_dossier (&dossiers[i], party_ids);

      if (!ipd_store_save_dossier (store, d, error))
        return FALSE;
      for (guint j = 0; j < G_N_ELEMENTS (dossiers[i].events) && dossiers[i].events[j].date; j++)
        {
          const DemoEvent *demo = &dossiers[i].events[j];
          g_autoptr(IpdEvent) event = ipd_event_new (d->id, demo->date, demo->type);

          event->reference = g_strdup (demo->reference);
          event->note = g_strdup (demo->note);
          if (!ipd_store_save_event (store, event, error))
            return FALSE;
        }
    }
  return TRUE;
}

/**
 * ipd_demo_load:
 *
 * Adds the sample records, with their parties and events, in one
 * transaction. A register holds them once.
 *
 * Returns: the number of dossiers added, or -1 with @error set.
 */
int
ipd_demo_load (IpdStore *store, GError **error)
{
  g_autoptr(GHashTable) party_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *loaded = NULL;
  gboolean ok;

  g_return_val_if_fail (IPD_IS_STORE (store), -1);

  loaded = ipd_store_dup_setting (store, "demo_loaded");
  if (loaded != NULL)
    {
      g_set_error_literal (error, IPD_ERROR, IPD_ERROR_DUPLICATE,
                           _("The sample records are already in this register."));
      return -1;
    }

  if (!ipd_store_begin_batch (store, error))
    return -1;
  ok = save_parties (store, party_ids, error)
       && save_dossiers (store, party_ids, error)
       && ipd_store_set_setting (store, "demo_loaded", "1", error);
  if (!ok)
    {
      ipd_store_rollback_batch (store);
      return -1;
    }
  if (!ipd_store_commit_batch (store, error))
    return -1;
  return (int) G_N_ELEMENTS (dossiers);
}
