/* ipd-procedure-strings.c — the translatable texts of the built-in data files
 *
 * The rule titles and citations of procedure/ipd-procedure.ini and the
 * holiday names of procedure/ipd-holidays.ini are English messages shown
 * through g_dgettext (GETTEXT_PACKAGE, text). xgettext cannot read key
 * files, so they are listed here for it; tests/test-deadlines.c checks that
 * every text of the built-in files appears in this list. When you change a
 * text in a .ini file, change it here too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-procedure"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ipd-procedure-private.h"

static const char * const strings[] = {
  /* Translators: the name of the built-in procedure (vi: Việt Nam: đăng ký nhãn hiệu và chỉ dẫn địa lý) */
  N_("Vietnam: registration of marks and geographical indications"),
  /* Translators: where a term of protection comes from (vi: Luật SHTT, Điều 93 khoản 6) */
  N_("Law on IP, Art. 93(6): valid from grant to the end of 10 years from the filing date, renewable for successive 10-year periods"),
  /* Translators: where a term of protection comes from (vi: Luật SHTT, Điều 93 khoản 7) */
  N_("Law on IP, Art. 93(7): a GI registration certificate is valid indefinitely from the date of grant"),
  /* Translators: the title of a deadline rule (a task in the agenda) (vi: Hạn Cục SHTT ra kết quả thẩm định hình thức) */
  N_("Formality examination result due"),
  /* Translators: where a deadline rule comes from: keep the article numbers and the names of the texts as Vietnamese officials write them (vi: Luật SHTT, Điều 119 khoản 1) */
  N_("Law on IP, Art. 119(1)"),
  /* Translators: the title of a deadline rule (a task in the agenda) (vi: Hạn công bố đơn trên Công báo Sở hữu công nghiệp) */
  N_("Publication in the Industrial Property Gazette due"),
  /* Translators: where a deadline rule comes from: keep the article numbers and the names of the texts as Vietnamese officials write them (vi: Luật SHTT, Điều 110 (công bố trong thời hạn 02 tháng kể từ ngày chấp nhận đơn hợp lệ)) */
  N_("Law on IP, Art. 110 (publication within 2 months of acceptance as valid)"),
  /* Translators: the title of a deadline rule (a task in the agenda) (vi: Hết thời hạn bên thứ ba phản đối đơn) */
  N_("Third-party opposition period ends"),
  /* Translators: where a deadline rule comes from: keep the article numbers and the names of the texts as Vietnamese officials write them (vi: Luật SHTT, Điều 112a khoản 1 điểm c (Luật 07/2022/QH15)) */
  N_("Law on IP, Art. 112a(1)(c), added by Law 07/2022/QH15: 5 months from publication for marks"),
  /* Translators: where a deadline rule comes from: keep the article numbers and the names of the texts as Vietnamese officials write them (vi: Luật SHTT, Điều 112a khoản 1 (Luật 07/2022/QH15)) */
  N_("Law on IP, Art. 112a(1), added by Law 07/2022/QH15: 3 months from publication for geographical indications"),
  /* Translators: the title of a deadline rule (a task in the agenda) (vi: Hạn Cục SHTT ra kết quả thẩm định nội dung) */
  N_("Substantive examination result due"),
  /* Translators: where a deadline rule comes from: keep the article numbers and the names of the texts as Vietnamese officials write them (vi: Luật SHTT, Điều 119 khoản 2 (09 tháng kể từ ngày công bố đơn)) */
  N_("Law on IP, Art. 119(2): 9 months from publication for marks"),
  /* Translators: where a deadline rule comes from: keep the article numbers and the names of the texts as Vietnamese officials write them (vi: Luật SHTT, Điều 119 khoản 2 (trước sửa đổi 2022)) */
  N_("Law on IP, Art. 119(2) before the 2022 amendment"),
  /* Translators: where a deadline rule comes from: keep the article numbers and the names of the texts as Vietnamese officials write them (vi: Luật SHTT, Điều 119 khoản 2 (Luật 07/2022/QH15): 06 tháng) */
  N_("Law on IP, Art. 119(2) as amended by Law 07/2022/QH15: 6 months from publication for GIs"),
  /* Translators: the title of a deadline rule (a task in the agenda) (vi: Hạn trả lời ý kiến phản đối) */
  N_("Reply to the opposition"),
  /* Translators: where a deadline rule comes from: keep the article numbers and the names of the texts as Vietnamese officials write them (vi: Thông tư 23/2023/TT-BKHCN (xử lý ý kiến phản đối); thời hạn theo thông báo của Cục SHTT) */
  N_("Circular 23/2023/TT-BKHCN (handling of oppositions); period as stated in the IP Office's notice, 2 months by default"),
  /* Translators: the title of a deadline rule (a task in the agenda) (vi: Hạn trả lời thông báo của Cục SHTT) */
  N_("Respond to the office action"),
  /* Translators: where a deadline rule comes from: keep the article numbers and the names of the texts as Vietnamese officials write them (vi: Luật SHTT, Điều 109 và Điều 117; thời hạn ghi trong thông báo) */
  N_("Law on IP, Art. 109 (formality examination) and Art. 117 (intended refusal); the period is the one stated in the letter"),
  /* Translators: the title of a deadline rule (a task in the agenda) (vi: Hạn nộp phí, lệ phí cấp văn bằng bảo hộ) */
  N_("Pay the grant fee"),
  /* Translators: where a deadline rule comes from: keep the article numbers and the names of the texts as Vietnamese officials write them (vi: Luật SHTT, Điều 118; Thông tư 23/2023/TT-BKHCN: thời hạn ghi trong thông báo dự định cấp văn bằng) */
  N_("Law on IP, Art. 118; Circular 23/2023/TT-BKHCN: period stated in the notice of intended grant (default 3 months)"),
  /* Translators: the title of a deadline rule (a task in the agenda) (vi: Hạn nộp đơn yêu cầu gia hạn hiệu lực văn bằng bảo hộ) */
  N_("Request renewal of the certificate"),
  /* xgettext:no-c-format */
  /* Translators: where a deadline rule comes from: keep the article numbers and the names of the texts as Vietnamese officials write them (vi: Luật SHTT, Điều 93 khoản 6, Điều 94; nộp đơn gia hạn trong 06 tháng trước ngày hết hiệu lực, nộp muộn tối đa 06 tháng sau đó, nộp thêm 10% lệ phí gia hạn cho mỗi tháng nộp muộn) */
  N_("Law on IP, Art. 93(6) (term) and Art. 94 (renewal); request within the 6 months before expiry, or up to 6 months late with a surcharge of 10 % of the renewal fee per month late: Decree 65/2023/NĐ-CP / Circular 23/2023/TT-BKHCN"),
  /* Translators: the title of a deadline rule (a task in the agenda) (vi: Hạn nộp đơn ở nước ngoài hưởng quyền ưu tiên) */
  N_("Last day to file abroad claiming priority"),
  /* Translators: where a deadline rule comes from: keep the article numbers and the names of the texts as Vietnamese officials write them (vi: Công ước Paris, Điều 4C(1); Luật SHTT, Điều 91 (quyền ưu tiên)) */
  N_("Paris Convention, Art. 4C(1) (6 months for marks); Law on IP, Art. 91 (priority)"),
  /* Translators: a day in the table of public holidays (vi: Tết Dương lịch) */
  N_("New Year's Day"),
  /* Translators: a day in the table of public holidays (vi: Tết Nguyên Đán) */
  N_("Lunar New Year (Tết)"),
  /* Translators: a day in the table of public holidays (vi: Giỗ Tổ Hùng Vương) */
  N_("Hùng Kings' Commemoration Day"),
  /* Translators: a day in the table of public holidays (vi: Ngày Giải phóng miền Nam, thống nhất đất nước) */
  N_("Reunification Day"),
  /* Translators: a day in the table of public holidays (vi: Ngày Quốc tế Lao động) */
  N_("International Labour Day"),
  /* Translators: a day in the table of public holidays (vi: Quốc khánh) */
  N_("National Day"),
  /* Translators: a day in the table of public holidays (vi: Nghỉ bù Ngày Quốc tế Lao động (01/05)) */
  N_("Compensatory day off for International Labour Day (01/05)"),
  /* Translators: a day in the table of public holidays (vi: Quốc khánh (ngày liền kề)) */
  N_("National Day (adjacent day)"),
  /* Translators: a day in the table of public holidays (vi: Nghỉ bù Tết Dương lịch (01/01)) */
  N_("Compensatory day off for New Year's Day (01/01)"),
  /* Translators: a day in the table of public holidays (vi: Nghỉ bù Giỗ Tổ Hùng Vương (10/04)) */
  N_("Compensatory day off for Hùng Kings' Commemoration Day (10/04)"),
  /* Translators: a day in the table of public holidays (vi: Nghỉ bù Ngày Giải phóng miền Nam, thống nhất đất nước (30/04)) */
  N_("Compensatory day off for Reunification Day (30/04)"),
  /* Translators: a day in the table of public holidays (vi: Nghỉ bù Giỗ Tổ Hùng Vương (29/04)) */
  N_("Compensatory day off for Hùng Kings' Commemoration Day (29/04)"),
  /* Translators: a day in the table of public holidays (vi: Nghỉ bù Quốc khánh (02/09)) */
  N_("Compensatory day off for National Day (02/09)"),
  /* Translators: a day in the table of public holidays (vi: Nghỉ hoán đổi, làm bù thứ Bảy 04/05) */
  N_("Day off swapped with Saturday 04/05"),
  /* Translators: a day in the table of public holidays (vi: Nghỉ hoán đổi, làm bù thứ Bảy 26/04) */
  N_("Day off swapped with Saturday 26/04"),
  /* Translators: a day in the table of public holidays (vi: Nghỉ bù Giỗ Tổ Hùng Vương (26/04)) */
  N_("Compensatory day off for Hùng Kings' Commemoration Day (26/04)"),
  /* Translators: a day in the table of public holidays (vi: Nghỉ bù Giỗ Tổ Hùng Vương (09/04)) */
  N_("Compensatory day off for Hùng Kings' Commemoration Day (09/04)"),
  /* Translators: a day in the table of public holidays (vi: Làm bù cho ngày nghỉ 29/04) */
  N_("Make-up working Saturday (for 29/04)"),
  /* Translators: a day in the table of public holidays (vi: Làm bù cho ngày nghỉ 02/05) */
  N_("Make-up working Saturday (for 02/05)"),
};

const char * const *
ipd_procedure_builtin_strings (guint *n_strings)
{
  *n_strings = G_N_ELEMENTS (strings);
  return strings;
}
