#!/usr/bin/env python3
# check-ics.py — reads ipdossiers-cli's iCalendar export as an independent
# client would (Python's standard library only) and checks it against the
# agenda printed as JSON.
#
#   check-ics.py FILE.ics AGENDA.json   check an export against `agenda --json`
#   check-ics.py                        make a register with $IPD_CLI (set by
#                                       meson test), export it and check it
#
# Checks (RFC 5545): every line ends in CRLF; no physical line is longer than
# 75 octets and none is cut inside a UTF-8 character; after unfolding, the
# calendar and its events are well formed, text values are escaped; one
# VEVENT per open task of the agenda, with its due date, summary and
# dossier; unique UIDs. Exit status 0 when all is well, 1 otherwise.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

MAX_OCTETS = 75
TEXT_PROPERTIES = {"SUMMARY", "DESCRIPTION", "X-WR-CALNAME"}


class Invalid(Exception):
    pass


def physical_lines(data):
    if not data.endswith(b"\r\n"):
        raise Invalid("the file does not end with CRLF")
    lines = data[:-2].split(b"\r\n")
    for number, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            raise Invalid(f"line {number}: a line break that is not CRLF")
        if len(line) > MAX_OCTETS:
            raise Invalid(f"line {number}: {len(line)} octets, more than {MAX_OCTETS}")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as error:
            raise Invalid(f"line {number}: not UTF-8 by itself (folded inside a character?): {error}")
    return lines


def unfold(lines):
    logical = []
    for line in lines:
        if line[:1] in (b" ", b"\t"):
            if not logical:
                raise Invalid("the first line is a continuation")
            logical[-1] += line[1:]
        else:
            logical.append(line)
    return [line.decode("utf-8") for line in logical]


def unescape(value, name):
    out = []
    i = 0
    while i < len(value):
        c = value[i]
        if c == "\\":
            if i + 1 == len(value):
                raise Invalid(f"{name}: a backslash at the end")
            nxt = value[i + 1]
            if nxt in "nN":
                out.append("\n")
            elif nxt in "\\;,":
                out.append(nxt)
            else:
                raise Invalid(f"{name}: unknown escape \\{nxt}")
            i += 2
            continue
        if c in ";,":
            raise Invalid(f"{name}: unescaped {c!r} in a text value")
        out.append(c)
        i += 1
    return "".join(out)


def parse_line(line):
    match = re.match(r"^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=[^;:]*)*):(.*)$", line)
    if not match:
        raise Invalid(f"not a content line: {line!r}")
    name = match.group(1).upper()
    params = dict(p.split("=", 1) for p in match.group(2).split(";")[1:])
    value = match.group(3)
    if name in TEXT_PROPERTIES:
        value = unescape(value, name)
    return name, params, value


def parse_calendar(data):
    lines = unfold(physical_lines(data))
    if lines[0] != "BEGIN:VCALENDAR" or lines[-1] != "END:VCALENDAR":
        raise Invalid("not one VCALENDAR from the first line to the last")
    calendar = {}
    events = []
    current = None
    for line in lines[1:-1]:
        name, params, value = parse_line(line)
        if name == "BEGIN":
            if current is not None or value != "VEVENT":
                raise Invalid(f"unexpected BEGIN:{value}")
            current = {}
        elif name == "END":
            if current is None or value != "VEVENT":
                raise Invalid(f"unexpected END:{value}")
            events.append(current)
            current = None
        elif current is not None:
            if name in current:
                raise Invalid(f"{name} twice in one VEVENT")
            current[name] = (params, value)
        else:
            calendar[name] = value
    if current is not None:
        raise Invalid("a VEVENT is not closed")
    if calendar.get("VERSION") != "2.0" or "PRODID" not in calendar:
        raise Invalid("VERSION:2.0 and PRODID are required")
    return events


def check_event(event):
    for name in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
        if name not in event:
            raise Invalid(f"a VEVENT without {name}")
    if not re.fullmatch(r"\d{8}T\d{6}Z", event["DTSTAMP"][1]):
        raise Invalid(f"DTSTAMP is not UTC: {event['DTSTAMP'][1]}")
    params, start = event["DTSTART"]
    if params.get("VALUE") != "DATE" or not re.fullmatch(r"\d{8}", start):
        raise Invalid(f"DTSTART is not a date: {start}")
    start_date = datetime.datetime.strptime(start, "%Y%m%d").date()
    if "DTEND" in event:
        end_date = datetime.datetime.strptime(event["DTEND"][1], "%Y%m%d").date()
        if end_date <= start_date:
            raise Invalid(f"DTEND {end_date} is not after DTSTART {start_date}")
    return start_date


def check(ics_data, agenda):
    events = parse_calendar(ics_data)
    by_uid = {}
    for event in events:
        check_event(event)
        uid = event["UID"][1]
        if uid in by_uid:
            raise Invalid(f"UID {uid} twice")
        by_uid[uid] = event

    open_tasks = [t for t in agenda if t["state"] == "open"]
    if len(events) != len(open_tasks):
        raise Invalid(f"{len(events)} VEVENTs for {len(open_tasks)} open tasks")
    for task in open_tasks:
        uid = f"task-{task['reference']}-{task['rule_id']}-{task['trigger_key']}@ipdossiers"
        event = by_uid.get(uid)
        if event is None:
            raise Invalid(f"no VEVENT for task {task['id']} ({uid})")
        if event["DTSTART"][1] != task["due_date"].replace("-", ""):
            raise Invalid(f"{uid}: DTSTART {event['DTSTART'][1]}, due {task['due_date']}")
        summary = f"{task['reference']} – {task['title']}"
        if event["SUMMARY"][1] != summary:
            raise Invalid(f"{uid}: SUMMARY {event['SUMMARY'][1]!r}, expected {summary!r}")
        description = event.get("DESCRIPTION", ({}, ""))[1]
        if description.split("\n")[0] != task["name"]:
            raise Invalid(f"{uid}: DESCRIPTION does not start with the dossier's name {task['name']!r}")
    return len(events)


# A register made for the check --------------------------------------------------------

def cli(db, *args):
    env = dict(os.environ, LANGUAGE="C")
    env.pop("IPDOSSIERS_DB", None)
    result = subprocess.run([os.environ["IPD_CLI"], "--db", db, *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if result.returncode != 0:
        raise Invalid(f"ipdossiers-cli {' '.join(args)}: exit {result.returncode}: {result.stderr.decode()}")
    return result.stdout


def days_ago(n):
    return (datetime.date.today() - datetime.timedelta(days=n)).strftime("%d/%m/%Y")


def make_register(directory):
    db = os.path.join(directory, "register.sqlite")
    cli(db, "init", "--prefix", "ICS")
    # names that need escaping, and long multi-byte names that must be folded
    names = [
        ("trademark", "Chè Tân Cương; loại 1, đặc biệt \\ hảo hạng", "Nguyễn Thị Hoa"),
        ("collective", "Đặc sản ớt Hiểm Điện Biên Phủ được trồng ở vùng đồi núi Mường Ảng", "Trần Văn Đức"),
        ("gi", "Ống điếu đồng bào Thái đen ở Mường Lò Nghĩa Lộ Yên Bái cũ", "Nguyễn Thị Hoa"),
        ("certification", "Gạo", None),
    ]
    references = []
    for kind, name, officer in names:
        args = ["add", "--kind", kind, "--name", name, "--filing-date", days_ago(20)]
        if officer:
            args += ["--officer", officer]
        references.append(cli(db, *args).decode().strip())
    for reference in references:
        cli(db, "event", "add", reference, "--type", "filed", "--date", days_ago(20))
    # one dossier further on: accepted and published; one office action
    cli(db, "event", "add", references[0], "--type", "formality_accepted", "--date", days_ago(12))
    cli(db, "event", "add", references[0], "--type", "published", "--date", days_ago(5))
    cli(db, "event", "add", references[1], "--type", "office_action", "--date", days_ago(3), "--months", "2")
    return db


def self_test():
    if "IPD_CLI" not in os.environ:
        print("IPD_CLI is set by meson test; give FILE.ics AGENDA.json otherwise", file=sys.stderr)
        return 77
    with tempfile.TemporaryDirectory(prefix="ipd-ics-") as directory:
        db = make_register(directory)
        ics_path = os.path.join(directory, "agenda.ics")
        agenda = json.loads(cli(db, "agenda", "--days", "400", "--json"))
        cli(db, "agenda", "--days", "400", "--ics", ics_path)
        with open(ics_path, "rb") as f:
            data = f.read()
        n = check(data, agenda)
        if n < 5:
            raise Invalid(f"only {n} events: the register should give more")
        folded = sum(1 for line in data.split(b"\r\n") if line.startswith(b" "))
        if folded == 0:
            raise Invalid("no folded line: the long names should have been folded")
        print(f"ok: {n} events, {folded} folded lines")
    return 0


def main():
    try:
        if len(sys.argv) == 3:
            with open(sys.argv[1], "rb") as f:
                data = f.read()
            with open(sys.argv[2], encoding="utf-8") as f:
                agenda = json.load(f)
            print(f"ok: {check(data, agenda)} events")
            return 0
        if len(sys.argv) == 1:
            return self_test()
        print(__doc__ or "usage: check-ics.py [FILE.ics AGENDA.json]", file=sys.stderr)
        return 2
    except Invalid as error:
        print(f"check-ics: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
