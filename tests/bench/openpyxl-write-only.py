#!/usr/bin/python3
# openpyxl-write-only.py — the baseline of tests/bench/run-export: writes
# the rows of the register of applications that ipd-bench-export --dump-tsv
# wrote, with python3-openpyxl in write-only mode, and prints the time and
# the peak memory.
#
# The cells are as the register's: Times New Roman 12, thin borders,
# wrapped text, top-aligned; the running number centred; dates as real
# date cells shown dd/mm/yyyy; blank cells bordered. Only the table's
# rows: the heading, header and signature are a few dozen cells.
#
# Usage: openpyxl-write-only.py ROWS.tsv OUTPUT.xlsx
# Prints "RESULT rows=N wall=S cpu=S peak_kb=K bytes=B" last.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime
import os
import resource
import sys
import time

try:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, Side
except ImportError:
    print("python3-openpyxl is missing (Debian package python3-openpyxl)", file=sys.stderr)
    sys.exit(1)

UNESCAPE = {"t": "\t", "n": "\n", "\\": "\\"}


def unescape(field):
    if "\\" not in field:
        return field
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and i + 1 < len(field):
            out.append(UNESCAPE.get(field[i + 1], field[i + 1]))
            i += 2
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: openpyxl-write-only.py ROWS.tsv OUTPUT.xlsx")
    tsv, output = sys.argv[1], sys.argv[2]
    rss_start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start, cpu_start = time.monotonic(), time.process_time()

    font = Font(name="Times New Roman", size=12)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    left = Alignment(horizontal="left", vertical="top", wrap_text=True)
    centre = Alignment(horizontal="center", vertical="top", wrap_text=True)

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Applications")

    def cell(value, alignment, number_format=None):
        c = WriteOnlyCell(ws, value=value)
        c.font, c.border, c.alignment = font, border, alignment
        if number_format:
            c.number_format = number_format
        return c

    rows = 0
    with open(tsv, encoding="utf-8") as f:
        types = f.readline().rstrip("\n").split("\t")
        for line in f:
            fields = line.rstrip("\n").split("\t")
            out = []
            for kind, field in zip(types, fields):
                if kind == "number":
                    out.append(cell(int(field), centre))
                elif kind == "date":
                    value = datetime.date.fromisoformat(field) if field else None
                    out.append(cell(value, centre, "dd/mm/yyyy"))
                else:
                    out.append(cell(unescape(field) if field else None, left))
            ws.append(out)
            rows += 1
    wb.save(output)

    wall = time.monotonic() - start
    cpu = time.process_time() - cpu_start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    size = os.path.getsize(output)
    print(f"openpyxl {getattr(sys.modules['openpyxl'], '__version__', '?')} write-only: {rows} rows,"
          f" wall {wall:.2f} s, CPU {cpu:.2f} s, peak RSS {peak / 1024:.1f} MB"
          f" ({rss_start / 1024:.1f} MB after start-up and imports), file {size / 1048576:.1f} MB")
    print(f"RESULT rows={rows} wall={wall:.3f} cpu={cpu:.3f} peak_kb={peak} rss_before_kb={rss_start} bytes={size}")


if __name__ == "__main__":
    main()
