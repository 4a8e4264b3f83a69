#!/usr/bin/python3
# check-export.py — reads ipdossiers-cli's register of applications (.xlsx)
# with an independent reader (python3-openpyxl) and checks it cell by cell.
#
# Makes a register with $IPD_CLI (set by meson test): the sample data, one
# dossier filed in the third quarter of 2026 and events at fixed dates,
# then checks the layout of an official document (agency lines, motto,
# title, cut-off, two-row merged headers, signature block), the rows of
# the period and their date cells, freeze panes, autofilter, print setup,
# document properties; filters; an empty period; refused periods and
# reports. Then the register of titles: two granted marks added (one
# renewed, one recorded as expired), the titles in force at the cut-off,
# renewals, a GI's indefinite term, merges, date cells, an empty period.
# Then the statistics report: a few dossiers and grants at fixed dates,
# every count compared with counts made independently with sqlite3 on the
# register, the sheets, the period comparisons, the chart, an empty period.
# The texts are checked in English (LANGUAGE=C), then the registers once
# more in Vietnamese, as the office sends them; and every report once more
# under a Vietnamese locale (LC_ALL=vi_VN.UTF-8, made here with localedef),
# whose decimal comma must not reach the file's numbers. Last, a full
# disk (a small tmpfs in a namespace of the export's own): the destination's
# folder full, the temporary folder ($TMPDIR) full, each a clear error and
# no file left behind.
# Exit status 0 when all is well, 1 otherwise.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

try:
    import openpyxl
except ImportError:
    print("python3-openpyxl is missing (Debian package python3-openpyxl)", file=sys.stderr)
    sys.exit(1)

HEADING_ROWS = 6
HEADER_1, HEADER_2, FIRST = 7, 8, 9          # 1-based rows, as openpyxl counts
COLUMNS = 16
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def equal(actual, expected, what):
    check(actual == expected, f"{what}: {actual!r}, expected {expected!r}")


def cli(db, *args, ok=True, language="C", locale="C.UTF-8", locpath=None):
    env = dict(os.environ, LANGUAGE=language, LC_ALL=locale)
    if locpath:
        env["LOCPATH"] = locpath
    result = subprocess.run([os.environ["IPD_CLI"], "--db", db, *args],
                            capture_output=True, text=True, env=env)
    if ok and result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result


def make_register(folder):
    db = os.path.join(folder, "register.ipd")
    cli(db, "demo")
    cli(db, "add", "--kind", "trademark", "--name", "Gạo Séng Cù Mường Khương",
        "--filing-date", "05/08/2026", "--app-number", "4-2026-31234",
        "--applicant", "HTX Nông nghiệp Liên Sơn", "--officer", "Lò Văn Minh",
        "--class", "30=Gạo; gạo nếp", "--public-note", "Nộp trực tiếp")
    refs = {d["name"]: d["reference"] for d in json.loads(cli(db, "--json", "list").stdout)}
    cli(db, "event", "add", refs["Thịt lợn Trà xanh Thái Nguyên"], "--type", "formality_accepted",
        "--date", "10/07/2026")
    cli(db, "event", "add", refs["Mường Ảng"], "--type", "published", "--date", "30/09/2026")
    # an event the day after the quarter: not in its register
    cli(db, "event", "add", refs["Chè Lai Châu"], "--type", "published", "--date", "01/10/2026")
    cli(db, "setting", "agency.parent", "UBND TỈNH LAI CHÂU")
    cli(db, "setting", "agency.name", "SỞ KHOA HỌC VÀ CÔNG NGHỆ")
    cli(db, "setting", "agency.place", "Lai Châu")
    return db, refs


def merged(ws):
    return {str(r) for r in ws.merged_cells.ranges}


def check_layout(wb, ws, title):
    equal(ws.title, "Applications", "sheet name")
    equal(ws["A1"].value, "UBND TỈNH LAI CHÂU", "governing body")
    equal(ws["A2"].value, "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "agency")
    equal(ws["J1"].value, "SOCIALIST REPUBLIC OF VIETNAM", "motto")
    equal(ws["J2"].value, "Independence - Freedom - Happiness", "motto, second line")
    equal(ws["A4"].value, title, "title")
    equal(ws["A5"].value, "As of 30/09/2026", "cut-off")
    for cell in ("A1", "A4", "A7", "A9"):
        equal(ws[cell].font.name, "Times New Roman", f"font of {cell}")
    check(ws["A4"].font.b, "the title is bold")
    check(ws["D9"].alignment.wrap_text, "table cells wrap")
    check(ws["D9"].border.left.style == "thin" and ws["D9"].border.bottom.style == "thin",
          "table cells have borders")
    ranges = merged(ws)
    for r in ("A1:F1", "J1:P1", "A2:F2", "J2:P2", "A4:P4", "A5:P5",
              "H7:I7", "K7:L7", "M7:N7",
              "A7:A8", "B7:B8", "C7:C8", "D7:D8", "E7:E8", "F7:F8", "G7:G8", "J7:J8", "O7:O8", "P7:P8"):
        check(r in ranges, f"merged range {r} missing (merges: {sorted(ranges)})")
    header_1 = [ws.cell(HEADER_1, c).value for c in range(1, COLUMNS + 1)]
    header_2 = [ws.cell(HEADER_2, c).value for c in range(1, COLUMNS + 1)]
    equal(header_1, ["No.", "Reference", "Kind", "Name", "Applicant", "Address (commune, province)",
                     "Products / Nice classes", "Application", None, "Current status", "Latest event",
                     None, "Next deadline", None, "Officer", "Note"], "first header row")
    equal(header_2, [None] * 7 + ["Number", "Filing date", None, "Event", "Date", "Deadline",
                                  "Due date", None, None], "second header row")
    equal(ws.freeze_panes, "A9", "freeze panes")
    equal(ws.print_title_rows, "$7:$8", "print title rows")
    equal(ws.page_setup.orientation, "landscape", "orientation")
    equal(str(ws.page_setup.paperSize), "9", "paper size (A4)")
    check(ws.sheet_properties.pageSetUpPr.fitToPage, "fit to page")
    check(ws.page_setup.fitToWidth in (None, 1, "1"), f"fit to width: {ws.page_setup.fitToWidth!r}")
    equal(str(ws.page_setup.fitToHeight), "0", "fit to height (any number of pages)")
    equal(ws.oddFooter.center.text, "Page &P/&N", "footer")
    for c in range(1, COLUMNS + 1):
        width = ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width
        check(width and width >= 5, f"column {c} has no width set")
    equal(wb.properties.title, title, "document title")
    check(bool(wb.properties.creator), "document author")


def check_company(path):
    with zipfile.ZipFile(path) as z:
        app = z.read("docProps/app.xml").decode("utf-8")
    check("<Company>SỞ KHOA HỌC VÀ CÔNG NGHỆ</Company>" in app, f"company in docProps/app.xml: {app}")


def row_values(ws, row):
    return [ws.cell(row, c).value for c in range(1, COLUMNS + 1)]


def check_signature(ws, after):
    today = datetime.date.today()
    equal(ws.cell(after + 2, 10).value, f"Lai Châu, {today:%d/%m/%Y}", "place and date")
    equal(ws.cell(after + 3, 1).value, "PREPARED BY", "who drew up the register")
    equal(ws.cell(after + 3, 10).value, "P.P. DIRECTOR", "signature")
    equal(ws.cell(after + 4, 10).value, "DEPUTY DIRECTOR", "signature, second line")


def date(text):
    return datetime.datetime.strptime(text, "%Y-%m-%d") if text else None


def check_quarter(db, folder):
    path = os.path.join(folder, "q3.xlsx")
    cli(db, "export", "--report", "applications", "--quarter", "2026-Q3", "-o", path)
    check(os.listdir(folder).count("q3.xlsx") == 1 and not [f for f in os.listdir(folder) if f.endswith(".part")],
          f"files left: {os.listdir(folder)}")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    title = "REGISTER OF INDUSTRIAL PROPERTY APPLICATIONS, QUARTER III OF 2026"
    check_layout(wb, ws, title)
    check_company(path)
    listed = {d["name"]: d for d in json.loads(cli(db, "--json", "list").stdout)}

    rows = [row_values(ws, r) for r in range(FIRST, FIRST + 3)]
    # filing-date order: Mường Ảng (2023), Thịt lợn (2025), Gạo Séng Cù (2026)
    equal([r[3] for r in rows], ["Mường Ảng", "Thịt lợn Trà xanh Thái Nguyên", "Gạo Séng Cù Mường Khương"],
          "the rows of the quarter")
    equal(ws.cell(FIRST + 3, 1).value, None, "no fourth row (Chè Lai Châu's event is in October)")
    equal([r[0] for r in rows], [1, 2, 3], "STT")
    new = rows[2]
    equal(new[:10], [3, listed["Gạo Séng Cù Mường Khương"]["reference"], "Trademark", "Gạo Séng Cù Mường Khương",
                     "HTX Nông nghiệp Liên Sơn", "Tỉnh Thái Nguyên", "30: Gạo; gạo nếp", "4-2026-31234",
                     datetime.datetime(2026, 8, 5), "In preparation"], "the new dossier's row")
    equal(new[14:], ["Lò Văn Minh", "Nộp trực tiếp"], "officer and note")
    pork = rows[1]
    equal(pork[1:4], [listed["Thịt lợn Trà xanh Thái Nguyên"]["reference"], "Trademark",
                      "Thịt lợn Trà xanh Thái Nguyên"], "pork: reference, kind, name")
    equal(pork[7:12], ["4-2025-20619", datetime.datetime(2025, 8, 15), "Accepted as valid",
                       "Accepted as valid", datetime.datetime(2026, 7, 10)], "pork: application, status, event")
    equal(pork[13], date(listed["Thịt lợn Trà xanh Thái Nguyên"].get("next_deadline")), "pork: next deadline")
    gi = rows[0]
    equal(gi[2], "Geographical indication", "GI kind")
    equal(gi[9:12], ["Published", "Published in the Gazette", datetime.datetime(2026, 9, 30)], "GI: status, event")
    for r in range(FIRST, FIRST + 3):
        for col in (9, 12):
            cell = ws.cell(r, col)
            check(cell.is_date, f"{cell.coordinate} is not a date cell")
            equal(cell.number_format, "dd/mm/yyyy", f"number format of {cell.coordinate}")
    equal(ws.auto_filter.ref, "A8:P11", "autofilter")
    check_signature(ws, FIRST + 2)


def check_filters(db, folder):
    path = os.path.join(folder, "gi.xlsx")
    cli(db, "export", "--report", "applications", "--quarter", "2026-Q3", "--kind", "gi", "-o", path)
    ws = openpyxl.load_workbook(path).active
    equal([ws.cell(FIRST, 4).value, ws.cell(FIRST + 1, 4).value], ["Mường Ảng", None], "--kind gi")
    path = os.path.join(folder, "officer.xlsx")
    cli(db, "export", "--report", "applications", "--from", "01/08/2026", "--to", "31/08/2026",
        "--officer", "Lò Văn Minh", "-o", path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    equal([ws.cell(FIRST, 4).value, ws.cell(FIRST + 1, 4).value], ["Gạo Séng Cù Mường Khương", None],
          "--from --to --officer")
    equal(ws["A4"].value, "REGISTER OF INDUSTRIAL PROPERTY APPLICATIONS, FROM 01/08/2026 TO 31/08/2026",
          "title of a range")
    equal(ws["A5"].value, "As of 31/08/2026", "cut-off of a range")


def check_empty(db, folder):
    path = os.path.join(folder, "empty.xlsx")
    cli(db, "export", "--report", "applications", "--quarter", "2026-Q1", "-o", path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    equal(ws.cell(FIRST, 1).value, "No data", "empty period")
    check("A9:P9" in merged(ws), "the 'no data' row spans the table")
    equal(ws.auto_filter.ref, "A8:P9", "autofilter of an empty register")
    equal(ws["A4"].value, "REGISTER OF INDUSTRIAL PROPERTY APPLICATIONS, QUARTER I OF 2026", "title")
    check_signature(ws, FIRST)


def check_refused(db, folder):
    out = os.path.join(folder, "refused.xlsx")
    for args, words in ((["--quarter", "2026-Q5"], "2026-Q3"),
                        (["--year", "2026", "--quarter", "2026-Q1"], "one period"),
                        (["--from", "01/08/2026"], "--to"),
                        (["--from", "31/08/2026", "--to", "01/08/2026"], "before")):
        result = cli(db, "export", "--report", "applications", *args, "-o", out, ok=False)
        equal(result.returncode, 1, f"exit status of {args}")
        check(words in result.stderr, f"message for {args}: {result.stderr!r}")
    result = cli(db, "export", "--report", "patents", "--year", "2026", "-o", out, ok=False)
    equal(result.returncode, 1, "unknown report: exit status")
    check("is not a report" in result.stderr, f"unknown report: {result.stderr!r}")
    check(not os.path.exists(out), "a refused export wrote a file")


TITLE_COLUMNS = 10


def add_titles(db):
    """A trademark renewed once before the cut-off (and once after), and a
    collective mark recorded as expired in September 2026."""
    honey = cli(db, "add", "--kind", "trademark", "--name", "Mật ong Bạc Hà", "--filing-date", "10/01/2015",
                "--certificate", "250123", "--grant-date", "10/06/2016", "--owner", "HTX Ong mật Bạc Hà",
                "--class", "30=Mật ong", "--public-note", "Gia hạn lần 1").stdout.strip()
    orange = cli(db, "add", "--kind", "collective", "--name", "Cam Hàm Yên", "--filing-date", "01/02/2017",
                 "--certificate", "287654", "--grant-date", "20/03/2018", "--owner", "Hội Cam Hàm Yên",
                 "--class", "31=Cam quả tươi").stdout.strip()
    cli(db, "event", "add", honey, "--type", "renewed", "--date", "05/12/2024")
    cli(db, "event", "add", honey, "--type", "renewed", "--date", "05/10/2026")
    cli(db, "event", "add", orange, "--type", "expired", "--date", "15/09/2026")


def title_rows(ws):
    rows = []
    r = FIRST
    while ws.cell(r, 1).value is not None:
        rows.append([ws.cell(r, c).value for c in range(1, TITLE_COLUMNS + 1)])
        r += 1
    return rows


def check_titles_layout(wb, ws, title):
    equal(ws.title, "Titles", "titles: sheet name")
    equal(ws["A4"].value, title, "titles: title")
    equal(wb.properties.title, title, "titles: document title")
    equal(ws["G1"].value, "SOCIALIST REPUBLIC OF VIETNAM", "titles: motto")
    ranges = merged(ws)
    for r in ("A1:D1", "G1:J1", "A4:J4", "A5:J5", "B7:D7", "A7:A8", "E7:E8", "F7:F8", "G7:G8",
              "H7:H8", "I7:I8", "J7:J8"):
        check(r in ranges, f"titles: merged range {r} missing (merges: {sorted(ranges)})")
    equal([ws.cell(HEADER_1, c).value for c in range(1, TITLE_COLUMNS + 1)],
          ["No.", "Certificate", None, None, "Owner", "Kind", "Name", "Products / Nice classes",
           "Renewals", "Note"], "titles: first header row")
    equal([ws.cell(HEADER_2, c).value for c in range(1, TITLE_COLUMNS + 1)],
          [None, "Number", "Grant date", "Expiry date"] + [None] * 6, "titles: second header row")
    equal(ws.freeze_panes, "A9", "titles: freeze panes")
    equal(ws.print_title_rows, "$7:$8", "titles: print title rows")
    equal(ws.page_setup.orientation, "landscape", "titles: orientation")


def check_titles(db, folder):
    add_titles(db)
    path = os.path.join(folder, "titles.xlsx")
    cli(db, "export", "--report", "titles", "--quarter", "2026-Q3", "-o", path)
    check(not [f for f in os.listdir(folder) if f.endswith(".part")], f"files left: {os.listdir(folder)}")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    check_titles_layout(wb, ws, "REGISTER OF INDUSTRIAL PROPERTY TITLES, QUARTER III OF 2026")
    rows = title_rows(ws)
    # in force on 30/09/2026, by grant date; not Cam Hàm Yên (expired on 15/09),
    # not Chè Thái Nguyên (no grant date), not the applications
    equal([r[6] for r in rows], ["Tân Cương", "Mật ong Bạc Hà", "Chè Lai Châu", "Hà thủ ô đỏ Sìn Hồ",
                                 "Chanh leo Lai Châu", "Lai Châu"], "titles in force")
    equal([r[0] for r in rows], [1, 2, 3, 4, 5, 6], "titles: STT")
    honey = rows[1]
    equal(honey[1:3], ["250123", datetime.datetime(2016, 6, 10)], "honey: certificate, grant date")
    equal(honey[4:], ["HTX Ong mật Bạc Hà", "Trademark", "Mật ong Bạc Hà", "30: Mật ong", 1, "Gia hạn lần 1"],
          "honey: owner … note (one renewal by the cut-off, not the October one)")
    equal(rows[2][1:9], ["412345", datetime.datetime(2023, 7, 5), datetime.datetime(2031, 3, 12),
                         "Sở Khoa học và Công nghệ tỉnh Lai Châu", "Certification mark", "Chè Lai Châu",
                         "30: Chè; trà", 0], "Chè Lai Châu's row")
    gi = rows[5]
    equal(gi[1:8], ["00146", datetime.datetime(2025, 8, 19), "Indefinite",
                    "Sở Khoa học và Công nghệ tỉnh Lai Châu", "Geographical indication", "Lai Châu",
                    "Chè xanh\nChè Ô long\nChè Đông phương mỹ nhân"], "the GI's row (managing organisation)")
    equal(rows[0][3], "Indefinite", "Tân Cương's expiry")
    for r in range(FIRST, FIRST + len(rows)):
        cells = [ws.cell(r, 3)] + ([ws.cell(r, 4)] if ws.cell(r, 4).value != "Indefinite" else [])
        for cell in cells:
            check(cell.is_date, f"titles: {cell.coordinate} is not a date cell")
            equal(cell.number_format, "dd/mm/yyyy", f"titles: number format of {cell.coordinate}")
    equal(ws.auto_filter.ref, f"A8:J{FIRST + len(rows) - 1}", "titles: autofilter")
    equal(ws.cell(FIRST + len(rows) + 1, 7).value, f"Lai Châu, {datetime.date.today():%d/%m/%Y}",
          "titles: place and date")
    equal(ws.cell(FIRST + len(rows) + 2, 1).value, "PREPARED BY", "titles: who drew up the register")

    # a cut-off before the expiry event: Cam Hàm Yên is still in force
    path = os.path.join(folder, "titles-aug.xlsx")
    cli(db, "export", "--report", "titles", "--from", "01/01/2026", "--to", "31/08/2026", "-o", path)
    rows = title_rows(openpyxl.load_workbook(path).active)
    check("Cam Hàm Yên" in [r[6] for r in rows], f"titles before the expiry: {[r[6] for r in rows]}")
    # --kind gi
    path = os.path.join(folder, "titles-gi.xlsx")
    cli(db, "export", "--report", "titles", "--year", "2026", "--kind", "gi", "-o", path)
    equal([r[6] for r in title_rows(openpyxl.load_workbook(path).active)], ["Tân Cương", "Lai Châu"],
          "titles --kind gi")

    # before any grant: the empty register
    path = os.path.join(folder, "titles-empty.xlsx")
    cli(db, "export", "--report", "titles", "--year", "2000", "-o", path)
    ws = openpyxl.load_workbook(path).active
    equal(ws.cell(FIRST, 1).value, "No data", "titles: empty period")
    check("A9:J9" in merged(ws), "titles: the 'no data' row spans the table")
    equal(ws.auto_filter.ref, "A8:J9", "titles: autofilter of an empty register")
    equal(ws["A4"].value, "REGISTER OF INDUSTRIAL PROPERTY TITLES, YEAR 2000", "titles: empty title")


STAT_SHEETS = ["By kind and status", "Period comparison", "By province", "By commune",
               "Support programmes"]
# A list of administrative units shaped like the 2025 one: current communes,
# a former town absorbed into a commune, a former province (Yên Bái, now
# part of Lào Cai).
UNITS = [
    ("Tỉnh Lai Châu", "Phường Tân Phong", "Phường Tân Phong", "Thành phố Lai Châu", "Tỉnh Lai Châu"),
    ("Tỉnh Lai Châu", "Xã Phong Thổ", "Thị trấn Phong Thổ", "Huyện Phong Thổ", "Tỉnh Lai Châu"),
    ("Tỉnh Điện Biên", "Xã Nậm Kè", "Xã Nậm Kè", "Huyện Mường Nhé", "Tỉnh Điện Biên"),
    ("Tỉnh Lào Cai", "Phường Âu Lâu", "Xã Âu Lâu", "Thành phố Yên Bái", "Tỉnh Yên Bái"),
]
KINDS = [("trademark", "Trademark"), ("collective", "Collective mark"),
         ("certification", "Certification mark"), ("gi", "Geographical indication")]


def add_statistics(db):
    """Grants in Q3 2026, Q2 2026 and Q3 2025; a filing in each; a programme."""
    tea = cli(db, "add", "--kind", "trademark", "--name", "Chè Phong Thổ", "--filing-date", "15/08/2026",
              "--programme", "Chương trình 68", "--amount", "12.500.000").stdout.strip()
    cli(db, "event", "add", tea, "--type", "granted", "--date", "20/09/2026")
    rice = cli(db, "add", "--kind", "collective", "--name", "Gạo Tam Đường", "--filing-date", "10/05/2026",
               "--programme", "Chương trình 68", "--amount", "7.000.000").stdout.strip()
    cli(db, "event", "add", rice, "--type", "granted", "--date", "01/06/2026")
    ginger = cli(db, "add", "--kind", "trademark", "--name", "Gừng Sìn Hồ", "--filing-date",
                 "01/08/2025").stdout.strip()
    cli(db, "event", "add", ginger, "--type", "granted", "--date", "30/09/2025")
    # a deleted dossier counts nowhere
    gone = cli(db, "add", "--kind", "trademark", "--name", "Đã xoá", "--filing-date", "02/08/2026",
               "--programme", "Chương trình 68", "--amount", "1.000.000").stdout.strip()
    cli(db, "trash", gone)
    # a GI whose area names former units, and a commune the list lacks
    cli(db, "add", "--kind", "gi", "--name", "Quế Văn Yên",
        "--area", "Xã Âu Lâu, thành phố Yên Bái (cũ);Xã Âu Lâu;Tỉnh Yên Bái",
        "--area", "Thị trấn Phong Thổ (cũ);Thị trấn Phong Thổ;Tỉnh Lai Châu",
        "--area", "Xã Không Có;Xã Không Có;Tỉnh Lai Châu",
        "--area", "Tỉnh Yên Bái (cũ);;Tỉnh Yên Bái")
    units = os.path.join(os.path.dirname(db), "units.tsv")
    with open(units, "w", encoding="utf-8") as f:
        f.write("province\tcommune\tformer_commune\tformer_district\tformer_province\n")
        for row in UNITS:
            f.write("\t".join(row) + "\n")
    equal(cli(db, "import-units", units).stdout.strip(), "Imported 4 communes.", "import-units")


def map_place(province, commune):
    """(current province, current commune, unmapped) by the UNITS list."""
    current = {(u[0], u[1]) for u in UNITS}
    former = {(u[4], u[2]): (u[0], u[1]) for u in UNITS}
    provinces = {u[4]: u[0] for u in UNITS} | {u[0]: u[0] for u in UNITS}
    if (province, commune) in current:
        return province, commune, 0
    if (province, commune) in former:
        return (*former[(province, commune)], 0)
    return provinces.get(province, province), commune, int(commune is not None)


def expected_statistics(db, ranges):
    """The same counts, by an independent query of the register."""
    import sqlite3
    con = sqlite3.connect(db)
    live = "FROM dossier d WHERE d.deleted_at IS NULL"
    by_status = {(k, s): n for k, s, n in con.execute(f"SELECT d.kind, d.status, count(*) {live} GROUP BY 1, 2")}
    periods = []
    for first, last in ranges:
        filed = dict(con.execute(f"SELECT d.kind, count(*) {live} AND d.filing_date BETWEEN ? AND ?"
                                 " GROUP BY 1", (first, last)))
        granted = dict(con.execute(f"SELECT d.kind, count(DISTINCT d.id) {live.replace('WHERE', 'JOIN event e ON e.dossier_id = d.id WHERE')}"
                                   " AND e.type = 'granted' AND e.date BETWEEN ? AND ? GROUP BY 1", (first, last)))
        periods.append((filed, granted))
    places = set()
    for dossier, province, commune in con.execute(
            f"SELECT d.id, p.province, p.commune {live.replace('WHERE', 'JOIN dossier_party dp ON dp.dossier_id = d.id JOIN party p ON p.id = dp.party_id WHERE')}"
            " AND dp.role IN ('applicant', 'owner', 'managing_org') AND p.province IS NOT NULL"
            f" UNION SELECT d.id, a.province, a.commune {live.replace('WHERE', 'JOIN area_unit a ON a.dossier_id = d.id WHERE')}"
            " AND a.province IS NOT NULL"):
        places.add((dossier, *map_place(province, commune)))
    provinces, communes = {}, {}
    for province in {p for _, p, _, _ in places}:
        provinces[province] = len({d for d, p, _, _ in places if p == province})
    for key in {(p, c, u) for _, p, c, u in places}:
        communes[key] = len({d for d, p, c, u in places if (p, c, u) == key})
    programmes = {p: (n, a) for p, n, a in con.execute(
        f"SELECT d.programme, count(*), sum(d.support_amount) {live} AND d.programme <> '' GROUP BY 1")}
    con.close()
    return by_status, periods, provinces, communes, programmes


def table(ws, first_row=FIRST):
    rows = []
    r = first_row
    while ws.cell(r, 1).value is not None or ws.cell(r, 2).value is not None:
        rows.append([ws.cell(r, c).value for c in range(1, ws.max_column + 1)])
        r += 1
    return rows


def check_statistics_sheets(wb, title):
    equal(wb.sheetnames, STAT_SHEETS + ["Chart"], "statistics: sheet names")
    equal([c.title for c in wb.chartsheets], ["Chart"], "statistics: the chart sheet")
    for name in STAT_SHEETS:
        ws = wb[name]
        equal(ws["A4"].value, title, f"statistics: title of {name}")
        equal(ws["A2"].value, "SỞ KHOA HỌC VÀ CÔNG NGHỆ", f"statistics: agency on {name}")
        equal(ws["D1"].value if ws.max_column <= 7 else ws["J1"].value, "SOCIALIST REPUBLIC OF VIETNAM",
              f"statistics: motto on {name}")
        equal(ws.page_setup.orientation, "landscape", f"statistics: orientation of {name}")
        equal(ws.print_title_rows, "$7:$8", f"statistics: print title rows of {name}")
    equal(wb.properties.title, title, "statistics: document title")
    charts = wb.chartsheets[0]._charts
    equal(len(charts), 1, "statistics: one chart")
    if charts:
        chart = charts[0]
        equal(chart.tagname, "barChart", "statistics: a bar chart")
        equal(chart.type, "col", "statistics: columns")
        series = chart.series[0]
        equal(series.val.numRef.f, "'By kind and status'!$P$9:$P$12", "statistics: the chart's values")
        equal(series.cat.numRef.f if series.cat.numRef else series.cat.strRef.f,
              "'By kind and status'!$A$9:$A$12", "statistics: the chart's categories")


def check_kinds_by_status(ws, by_status):
    header = [ws.cell(HEADER_1, c).value for c in range(1, ws.max_column + 1)]
    equal(header[0], "Kind", "statistics: first column")
    equal(header[-1], "Total", "statistics: totals column")
    rows = table(ws)
    equal(len(rows), len(KINDS) + 1, "statistics: a row per kind and a totals row")
    equal([r[0] for r in rows], [label for _, label in KINDS] + ["Total"], "statistics: kinds")
    status_of_column = header[1:-1]
    for (code, label), row in zip(KINDS, rows):
        expected = {s: n for (k, s), n in by_status.items() if k == code}
        equal(sum(row[1:-1]), sum(expected.values()), f"statistics: dossiers of {code}")
        equal(row[-1], sum(expected.values()), f"statistics: total of {code}")
        equal(sorted(n for n in row[1:-1] if n), sorted(expected.values()), f"statistics: counts of {code}")
    equal(rows[-1][-1], sum(by_status.values()), "statistics: grand total")
    equal(rows[-1][1:-1], [sum(r[c] for r in rows[:-1]) for c in range(1, len(status_of_column) + 1)],
          "statistics: totals row")
    # the column of a known status: the demo's granted titles
    granted = status_of_column.index("Granted") + 1
    equal([r[granted] for r in rows[:-1]], [by_status.get((code, "granted"), 0) for code, _ in KINDS],
          "statistics: the Granted column")
    equal(ws.cell(FIRST, 2).number_format, "#,##0", "statistics: number format")


def check_periods(ws, periods, headers):
    equal([ws.cell(HEADER_1, c).value for c in range(1, 8)], ["Kind", "Applications filed", None, None, "Titles granted", None, None],
          "statistics: comparison header")
    equal([ws.cell(HEADER_2, c).value for c in range(2, 8)], headers * 2, "statistics: the periods")
    rows = table(ws)
    equal([r[0] for r in rows], [label for _, label in KINDS] + ["Total"], "statistics: comparison rows")
    for (code, _), row in zip(KINDS, rows):
        equal(row[1:4], [p[0].get(code, 0) for p in periods], f"statistics: filed, {code}")
        equal(row[4:7], [p[1].get(code, 0) for p in periods], f"statistics: granted, {code}")
    equal(rows[-1][1:], [sum(p[0].values()) for p in periods] + [sum(p[1].values()) for p in periods],
          "statistics: comparison totals")


def check_statistics(db, folder):
    add_statistics(db)
    path = os.path.join(folder, "statistics.xlsx")
    cli(db, "export", "--report", "statistics", "--quarter", "2026-Q3", "-o", path)
    check(not [f for f in os.listdir(folder) if f.endswith(".part")], f"files left: {os.listdir(folder)}")
    wb = openpyxl.load_workbook(path)
    check_statistics_sheets(wb, "INDUSTRIAL PROPERTY STATISTICS, QUARTER III OF 2026")
    by_status, periods, provinces, communes, programmes = expected_statistics(
        db, [("2026-07-01", "2026-09-30"), ("2026-04-01", "2026-06-30"), ("2025-07-01", "2025-09-30")])
    check_kinds_by_status(wb["By kind and status"], by_status)
    check_periods(wb["Period comparison"], periods,
                  ["This period\n01/07/2026 – 30/09/2026", "Previous period\n01/04/2026 – 30/06/2026",
                   "Same period a year earlier\n01/07/2025 – 30/09/2025"])
    # the fixed dossiers: a grant in each period, filings in each
    equal([p[1].get("trademark", 0) for p in periods], [1, 0, 1], "statistics: trademark grants (sqlite3)")
    equal([p[1].get("collective", 0) for p in periods], [0, 1, 0], "statistics: collective grants (sqlite3)")
    check(periods[0][0].get("trademark", 0) >= 2, f"statistics: trademark filings in Q3 2026: {periods[0][0]}")
    ws = wb["By province"]
    equal([ws.cell(HEADER_1, c).value for c in range(1, 4)], ["No.", "Province", "Dossiers"],
          "statistics: province header")
    rows = table(ws)
    equal({r[1]: r[2] for r in rows}, provinces, "statistics: by province")
    equal([r[0] for r in rows], list(range(1, len(rows) + 1)), "statistics: province STT")
    check(len(rows) >= 2, f"statistics: provinces {rows}")
    check("Tỉnh Lào Cai" in provinces and "Tỉnh Yên Bái" not in provinces,
          f"statistics: the former province mapped (sqlite3): {provinces}")
    ws = wb["By commune"]
    equal([ws.cell(HEADER_1, c).value for c in range(1, 6)],
          ["No.", "Province", "Commune", "Dossiers", "Note"], "statistics: commune header")
    rows = table(ws)
    unlisted = "Not in the list of administrative units"
    equal({(r[1], None if r[2] == "(commune not given)" else r[2], int(r[4] == unlisted)): r[3] for r in rows},
          communes, "statistics: by commune")
    equal([r[0] for r in rows], list(range(1, len(rows) + 1)), "statistics: commune STT")
    equal(communes.get(("Tỉnh Lào Cai", "Phường Âu Lâu", 0)), 1, "statistics: a former commune mapped")
    equal(communes.get(("Tỉnh Lai Châu", "Xã Phong Thổ", 0)), 1, "statistics: a former town mapped")
    equal(communes.get(("Tỉnh Lai Châu", "Xã Không Có", 1)), 1, "statistics: an unlisted commune marked")
    ws = wb["Support programmes"]
    rows = table(ws)
    equal({r[1]: (r[2], r[3]) for r in rows[:-1]}, programmes, "statistics: programmes")
    equal(programmes.get("Chương trình 68"), (2, 19500000), "statistics: the fixed programme (sqlite3)")
    equal(rows[-1][:4], ["Total", None, sum(n for n, _ in programmes.values()),
                         sum(a for _, a in programmes.values())], "statistics: programmes total")
    equal(ws.cell(FIRST, 4).number_format, "#,##0", "statistics: amount number format")
    check_statistics_range(db, folder)
    check_statistics_empty(db, folder)


def check_statistics_range(db, folder):
    """A range: the previous period is the same number of days before it."""
    path = os.path.join(folder, "statistics-range.xlsx")
    cli(db, "export", "--report", "statistics", "--from", "01/09/2026", "--to", "30/09/2026",
        "--kind", "trademark", "-o", path)
    wb = openpyxl.load_workbook(path)
    _, periods, _, _, _ = expected_statistics(
        db, [("2026-09-01", "2026-09-30"), ("2026-08-02", "2026-08-31"), ("2025-09-01", "2025-09-30")])
    ws = wb["Period comparison"]
    equal([ws.cell(HEADER_2, c).value for c in range(2, 5)],
          ["This period\n01/09/2026 – 30/09/2026", "Previous period\n02/08/2026 – 31/08/2026",
           "Same period a year earlier\n01/09/2025 – 30/09/2025"], "statistics: periods of a range")
    rows = table(ws)
    equal(rows[0][4:7], [p[1].get("trademark", 0) for p in periods], "statistics: range, trademark grants")
    equal(rows[0][4:7], [1, 0, 1], "statistics: range, fixed grants")
    equal(rows[1][1:], [0] * 6, "statistics: --kind trademark leaves other kinds at zero")


def check_statistics_empty(db, folder):
    path = os.path.join(folder, "statistics-empty.xlsx")
    cli(db, "export", "--report", "statistics", "--year", "2000", "--kind", "gi", "--officer", "Nobody",
        "-o", path)
    wb = openpyxl.load_workbook(path)
    equal(wb.sheetnames, STAT_SHEETS + ["Chart"], "statistics, empty: sheet names")
    equal(wb["By kind and status"]["A4"].value, "INDUSTRIAL PROPERTY STATISTICS, YEAR 2000",
          "statistics, empty: title")
    rows = table(wb["By kind and status"])
    equal([v for r in rows for v in r[1:]], [0] * (len(rows) * (len(rows[0]) - 1)), "statistics, empty: zeros")
    rows = table(wb["Period comparison"])
    equal([v for r in rows for v in r[1:]], [0] * 30, "statistics, empty: comparison zeros")
    equal(wb["By province"].cell(FIRST, 1).value, "No data", "statistics, empty: provinces")
    equal(wb["By commune"].cell(FIRST, 1).value, "No data", "statistics, empty: communes")
    equal(wb["Support programmes"].cell(FIRST, 1).value, "No data", "statistics, empty: programmes")
    equal(len(wb.chartsheets[0]._charts), 1, "statistics, empty: the chart")


def check_row_heights(ws, rows):
    """Rows with wrapped text are as tall as their lines: LibreOffice does not
    fit them itself, and one-line rows print their lines over each other."""
    line = 15.75
    for r in range(FIRST, FIRST + rows):
        height = ws.row_dimensions[r].height
        texts = [str(ws.cell(r, c).value or "") for c in range(1, ws.max_column + 1)]
        if any("\n" in t for t in texts):
            check(height and height >= 2 * line, f"row {r} with several lines is {height} points high")
    check(ws.row_dimensions[HEADER_1].height and ws.row_dimensions[HEADER_1].height >= 2 * line,
          f"the first header row is {ws.row_dimensions[HEADER_1].height} points high")


def check_pdf(xlsx, title, folder):
    """LibreOffice prints the register; its first page shows the title."""
    import shutil
    soffice = shutil.which("soffice")
    if not soffice or not shutil.which("pdftoppm"):
        print("LibreOffice or pdftoppm is not installed: the PDF is not checked")
        return
    home = os.path.join(folder, "lo-profile")
    result = subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", folder, xlsx],
                            capture_output=True, text=True, env=dict(os.environ, HOME=home), timeout=120)
    pdf = os.path.splitext(xlsx)[0] + ".pdf"
    if not os.path.exists(pdf):
        check(False, f"LibreOffice made no PDF: {result.stdout} {result.stderr}")
        return
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", pdf, "-"],
                          capture_output=True, text=True).stdout
    check(title in " ".join(text.split()), f"the PDF's first page lacks the title: {text[:300]!r}")
    check("STT" in text and "NGƯỜI LẬP BIỂU" in text, "the PDF's first page lacks the table or the signature")
    # the page as a picture, to look at (in the build directory)
    png = os.path.join(os.environ.get("IPD_TEST_OUTPUT", folder), "register-vi")
    subprocess.run(["pdftoppm", "-r", "110", "-f", "1", "-l", "1", "-singlefile", "-png", pdf, png], check=True)
    check(os.path.getsize(png + ".png") > 10000, "the PDF's first page renders")


def check_vietnamese(db, folder):
    """The same registers in Vietnamese, as the office sends them."""
    path = os.path.join(folder, "so-theo-doi-don.xlsx")
    cli(db, "export", "--report", "applications", "--quarter", "2026-Q3", "-o", path, language="vi")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    equal(ws.title, "Sổ theo dõi đơn", "vi: sheet name")
    equal(ws["J1"].value, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "vi: motto")
    equal(ws["J2"].value, "Độc lập - Tự do - Hạnh phúc", "vi: motto, second line")
    equal(ws["A4"].value, "SỔ THEO DÕI ĐƠN ĐĂNG KÝ SỞ HỮU CÔNG NGHIỆP QUÝ III NĂM 2026", "vi: title")
    equal(ws["A5"].value, "Tính đến ngày 30 tháng 9 năm 2026", "vi: cut-off")
    equal(ws.cell(HEADER_1, 1).value, "STT", "vi: STT")
    equal(ws.oddFooter.center.text, "Trang &P/&N", "vi: footer")
    equal(wb.properties.title, ws["A4"].value, "vi: document title")
    rows = table(ws)
    equal(len(rows), 3, "vi: the rows of the quarter")
    equal(rows[2][2], "Nhãn hiệu", "vi: a kind")
    today = datetime.date.today()
    after = FIRST + len(rows) - 1
    # Decree 30/2020: a zero before days under 10 and months 1 and 2 only
    month = f"{today.month:02d}" if today.month <= 2 else str(today.month)
    equal(ws.cell(after + 2, 10).value, f"Lai Châu, ngày {today.day:02d} tháng {month} năm {today.year}",
          "vi: place and date")
    equal(ws.cell(after + 3, 1).value, "NGƯỜI LẬP BIỂU", "vi: who drew up the register")
    equal(ws.cell(after + 3, 10).value, "KT. GIÁM ĐỐC", "vi: signature")
    equal(ws.cell(after + 4, 10).value, "PHÓ GIÁM ĐỐC", "vi: signature, second line")
    check_row_heights(ws, len(rows))
    check_pdf(path, "SỔ THEO DÕI ĐƠN ĐĂNG KÝ SỞ HỮU CÔNG NGHIỆP QUÝ III NĂM 2026", folder)

    path = os.path.join(folder, "thong-ke.xlsx")
    cli(db, "export", "--report", "statistics", "--quarter", "2026-Q3", "-o", path, language="vi")
    wb = openpyxl.load_workbook(path)
    equal(wb.sheetnames, ["Theo loại và tình trạng", "So sánh theo kỳ", "Theo tỉnh, thành phố", "Theo xã, phường",
                          "Chương trình hỗ trợ", "Biểu đồ"], "vi: statistics sheet names")
    equal(wb.worksheets[0]["A4"].value, "BÁO CÁO THỐNG KÊ SỞ HỮU CÔNG NGHIỆP QUÝ III NĂM 2026",
          "vi: statistics title")
    check(all(len(name) <= 31 for name in wb.sheetnames), "vi: sheet names fit Excel's 31 characters")

    path = os.path.join(folder, "thang-2.xlsx")
    cli(db, "export", "--report", "applications", "--from", "01/01/2026", "--to", "05/02/2026", "-o", path,
        language="vi")
    equal(openpyxl.load_workbook(path).worksheets[0]["A5"].value, "Tính đến ngày 05 tháng 02 năm 2026",
          "vi: cut-off in February, with its zeros")


def make_vi_locale(folder):
    """vi_VN.UTF-8, compiled into @folder without root (localedef, from the
    Debian package locales); LOCPATH names the folder. Its decimal point is
    a comma, which is what check_numeric_locale() needs: a missing locale
    is a failure, not a skip."""
    locpath = os.path.join(folder, "locale")
    os.mkdir(locpath)
    result = subprocess.run(["localedef", "-i", "vi_VN", "-f", "UTF-8", os.path.join(locpath, "vi_VN.UTF-8")],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"localedef could not make vi_VN.UTF-8 (Debian package locales): {result.stderr}")
    point = subprocess.run(["locale", "decimal_point"], capture_output=True, text=True,
                           env=dict(os.environ, LC_ALL="vi_VN.UTF-8", LOCPATH=locpath)).stdout.strip()
    if point != ",":
        raise SystemExit(f"vi_VN.UTF-8 from localedef has the decimal point {point!r}, not ','")
    return locpath


# A number written with the locale's decimal comma, in an attribute
# (width="24,7", ht="17,75", left="0,7") or a cell's value (<v>1,5</v>).
DECIMAL_COMMA = re.compile(r'="[-+]?[0-9]+,[0-9]+"|<(?:c:)?v>[-+]?[0-9]+,[0-9]+</')


def xml_parts(path):
    """The XML parts of a workbook but docProps/core.xml (its time of creation)."""
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name).decode("utf-8") for name in z.namelist()
                if name.endswith((".xml", ".rels")) and name != "docProps/core.xml"}


def check_numeric_locale(db, folder):
    """Under a Vietnamese locale every report is the file written under
    C.UTF-8 (both in Vietnamese): libxlsxwriter writes widths, heights,
    margins and numbers with printf, which would put the locale's decimal
    comma in them, and Excel and openpyxl refuse such a file."""
    locpath = make_vi_locale(folder)
    for report in ("applications", "titles", "statistics"):
        plain = os.path.join(folder, f"{report}-c.xlsx")
        comma = os.path.join(folder, f"{report}-vi_VN.xlsx")
        cli(db, "export", "--report", report, "--year", "2026", "-o", plain, language="vi")
        cli(db, "export", "--report", report, "--year", "2026", "-o", comma, language="vi",
            locale="vi_VN.UTF-8", locpath=locpath)
        parts = xml_parts(comma)
        for name, xml in sorted(parts.items()):
            found = DECIMAL_COMMA.findall(xml)
            check(not found, f"{report} under vi_VN: decimal commas in {name}: {found[:6]}")
        equal(sorted(parts), sorted(xml_parts(plain)), f"{report} under vi_VN: the parts")
        for name, xml in sorted(xml_parts(plain).items()):
            check(parts.get(name) == xml, f"{report} under vi_VN: {name} differs from the file made under C.UTF-8")
        try:
            wb = openpyxl.load_workbook(comma)
        except Exception as e:   # noqa: BLE001 — whatever the reader refuses the file with
            check(False, f"{report} under vi_VN: openpyxl cannot read it: {e!r}")
            continue
        ws = wb.worksheets[0]
        widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in range(1, 5)]
        check(all(w and w >= 5 for w in widths), f"{report} under vi_VN: column widths {widths}")
        equal(ws.page_margins.left, 0.4, f"{report} under vi_VN: left margin")
        check(ws.row_dimensions[HEADER_1].height and ws.row_dimensions[HEADER_1].height > 15,
              f"{report} under vi_VN: header row height {ws.row_dimensions[HEADER_1].height}")


# A full disk, made with a small tmpfs mounted in a user and mount
# namespace of the export's own (no root needed): the export fails with
# the destination's name and the reason, and leaves no file behind. The
# folder is listed from inside the namespace, where the tmpfs is seen.
IN_SMALL_FOLDER = 'mount -t tmpfs -o "size=$1" tmpfs "$2" || exit 99; shift 2; ' \
    '"$@"; status=$?; ls -A "$IPD_SMALL"; exit $status'


def namespaces_work():
    result = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "true"],
                            capture_output=True)
    return result.returncode == 0


def export_in_small_folder(db, size, small, *args, language="C", tmpdir=None):
    env = dict(os.environ, LANGUAGE=language, LC_ALL="C.UTF-8", IPD_SMALL=small)
    if tmpdir:
        env["TMPDIR"] = tmpdir
    return subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                           IN_SMALL_FOLDER, "sh", size, small,
                           os.environ["IPD_CLI"], "--db", db, "export", "--report", "applications",
                           "--from", "2000-01-01", "--to", "2030-12-31", *args],
                          capture_output=True, text=True, env=env)


def check_full(result, what, message):
    equal(result.returncode, 1, f"{what}: exit status ({result.stderr})")
    check(message in result.stderr, f"{what}: {message!r} not in {result.stderr!r}")
    equal(result.stdout.strip(), "", f"{what}: files left in the full folder")


def check_full_disk(folder):
    if not namespaces_work():
        print("SKIP the full-disk checks: no user namespaces here (unshare --user)")
        return
    db = os.path.join(folder, "generated.ipd")
    cli(db, "generate", "--dossiers", "600", "--seed", "7")
    small = os.path.join(folder, "small")
    out = os.path.join(folder, "out")
    os.mkdir(small)
    os.mkdir(out)
    whole = os.path.join(out, "whole.xlsx")
    cli(db, "export", "--report", "applications", "--from", "2000-01-01", "--to", "2030-12-31",
        "-o", whole)
    with zipfile.ZipFile(whole) as z:
        rows_size = z.getinfo("xl/worksheets/sheet1.xml").file_size
    os.remove(whole)

    # the destination's disk is full
    target = os.path.join(small, "register.xlsx")
    result = export_in_small_folder(db, "16k", small, "-o", target)
    check_full(result, "full destination", f"Could not write “{target}”: No space left on device")
    result = export_in_small_folder(db, "16k", small, "-o", target, language="vi")
    check_full(result, "full destination, in Vietnamese", f"Không ghi được “{target}”:")

    # the temporary folder ($TMPDIR) fills up while the rows are written:
    # libxlsxwriter alone would write a workbook cut short and say nothing
    target = os.path.join(out, "register.xlsx")
    result = export_in_small_folder(db, f"{rows_size // 4}", small, "-o", target, tmpdir=small)
    check_full(result, "full temporary folder",
               f"Could not write “{target}”: The temporary folder “{small}” is full")
    result = export_in_small_folder(db, f"{rows_size // 4}", small, "-o", target, tmpdir=small,
                                    language="vi")
    check_full(result, "full temporary folder, in Vietnamese", f"Thư mục tạm “{small}”")
    # room for the rows, not for their copy into the sheet when closing
    result = export_in_small_folder(db, f"{rows_size + 256 * 1024}", small, "-o", target,
                                    tmpdir=small)
    check_full(result, "temporary folder too small",
               f"The temporary folder “{small}” has ")
    equal(os.listdir(out), [], "files left in the destination's folder")

    # with room (the rows, their copy and 1 MiB to spare), the same
    # temporary folder gives the whole register
    result = export_in_small_folder(db, f"{2 * rows_size + 2 * 1024 * 1024}", small, "-o", target,
                                    tmpdir=small)
    equal(result.returncode, 0, f"export with room in the temporary folder ({result.stderr})")
    wb = openpyxl.load_workbook(target, read_only=True)
    last = list(wb.worksheets[0].iter_rows(min_row=FIRST, max_col=1, values_only=True))
    numbers = [row[0] for row in last if isinstance(row[0], (int, float))]
    check(len(numbers) > 100 and numbers == list(range(1, len(numbers) + 1)),
          f"the register's rows with room in the temporary folder: {len(numbers)}")


def main():
    with tempfile.TemporaryDirectory() as folder:
        db, _ = make_register(folder)
        out = os.path.join(folder, "out")
        os.mkdir(out)
        check_quarter(db, out)
        check_vietnamese(db, folder)
        check_filters(db, folder)
        check_empty(db, folder)
        check_refused(db, folder)
        titles = os.path.join(folder, "titles")
        os.mkdir(titles)
        check_titles(db, titles)
        statistics = os.path.join(folder, "statistics")
        os.mkdir(statistics)
        check_statistics(db, statistics)
        numbers = os.path.join(folder, "numbers")
        os.mkdir(numbers)
        check_numeric_locale(db, numbers)
        full_disk = os.path.join(folder, "full-disk")
        os.mkdir(full_disk)
        check_full_disk(full_disk)
    for failure in failures:
        print("FAIL:", failure)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
