"""A reader of gettext .po files for the checks in build-aux (the Python
standard library has none). Obsolete (#~) entries are left out.

    for entry in read_po("po/vi.po"):
        entry.msgid, entry.msgstr, entry.fuzzy, ...
"""
import re

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def _unquote(text):
    """The C string literal @text (with its quotes) as Python text."""
    body = text.strip()
    if len(body) < 2 or body[0] != '"' or body[-1] != '"':
        raise ValueError("not a quoted string: %s" % text)
    return re.sub(r'\\(.)', lambda m: _ESCAPES.get(m.group(1), m.group(1)), body[1:-1])


class Entry:
    def __init__(self):
        self.msgctxt = None
        self.msgid = None
        self.msgid_plural = None
        self.msgstr = []        # one text, or one per plural form
        self.flags = set()
        self.references = []
        self.line = 0

    @property
    def fuzzy(self):
        return "fuzzy" in self.flags

    @property
    def translated(self):
        return not self.fuzzy and bool(self.msgstr) and all(self.msgstr)

    @property
    def translation(self):
        """The singular translation ("" when there is none)."""
        return self.msgstr[0] if self.msgstr else ""


def read_po(path):
    entries = []
    entry = Entry()
    field = None     # where continuation lines go: ("msgid",) or ("msgstr", n)

    def finish():
        nonlocal entry
        if entry.msgid is not None:
            entries.append(entry)
        entry = Entry()

    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            stripped = line.strip()
            if not stripped:
                finish()
                field = None
                continue
            if stripped.startswith("#~"):
                continue
            if stripped.startswith("#"):
                if entry.msgid is not None and field is not None and field[0] == "msgstr":
                    finish()
                    field = None
                if stripped.startswith("#,"):
                    entry.flags.update(flag.strip() for flag in stripped[2:].split(","))
                elif stripped.startswith("#:"):
                    entry.references += stripped[2:].split()
                continue
            keyword, _, rest = stripped.partition(" ")
            if keyword.startswith('"'):
                text = _unquote(stripped)
                if field is None:
                    raise ValueError("%s:%d: text outside a message" % (path, number))
                if field[0] == "msgstr":
                    entry.msgstr[field[1]] += text
                else:
                    setattr(entry, field[0], getattr(entry, field[0]) + text)
                continue
            if keyword in ("msgctxt", "msgid") and field is not None and field[0] == "msgstr":
                finish()
            if keyword in ("msgctxt", "msgid", "msgid_plural"):
                if keyword != "msgid_plural" and entry.line == 0:
                    entry.line = number
                setattr(entry, keyword, _unquote(rest))
                field = (keyword,)
            elif keyword == "msgstr":
                entry.msgstr = [_unquote(rest)]
                field = ("msgstr", 0)
            elif keyword.startswith("msgstr["):
                index = int(keyword[7:-1])
                while len(entry.msgstr) <= index:
                    entry.msgstr.append("")
                entry.msgstr[index] = _unquote(rest)
                field = ("msgstr", index)
            else:
                raise ValueError("%s:%d: cannot read “%s”" % (path, number, stripped))
    finish()
    return [e for e in entries if e.msgid != ""]    # not the header


def translations(path):
    """{msgid: msgstr} of the translated, non-fuzzy singular messages."""
    return {e.msgid: e.translation for e in read_po(path) if e.translated}
