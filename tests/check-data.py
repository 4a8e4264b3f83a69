#!/usr/bin/env python3
"""What the validators cannot see in the desktop data (meson test, suite data).

    check-data.py METAINFO DESKTOP SOURCE-ROOT VERSION URL

appstreamcli validate --no-net cannot fetch the screenshots; this checks
that each one the metainfo names is a picture committed under
data/screenshots/ with the width and height the metainfo gives, that the
newest release is the project's version, that the home page is the
project's URL (the About window shows the same), that there is a content
rating, and that the built metainfo and desktop file carry the Vietnamese
name and summary from po/vi.po. Python's standard library only.
"""
import configparser
import os
import struct
import sys
import xml.etree.ElementTree as ET

LANG = '{http://www.w3.org/XML/1998/namespace}lang'


def png_size(path):
    with open(path, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n' or head[12:16] != b'IHDR':
        raise ValueError('not a PNG picture')
    return struct.unpack('>II', head[16:24])


def untranslated(parent, tag):
    return [e for e in parent.findall(tag) if e.get(LANG) is None]


def translated(parent, tag, lang):
    return [e for e in parent.findall(tag) if e.get(LANG) == lang]


def check_screenshots(root, source_root, url, problems):
    shots = root.findall('screenshots/screenshot')
    if not shots:
        problems.append('no <screenshot>')
    if sum(1 for s in shots if s.get('type') == 'default') != 1:
        problems.append('not exactly one default screenshot')
    base = url.replace('https://github.com/', 'https://raw.githubusercontent.com/') + '/main/'
    for shot in shots:
        if not untranslated(shot, 'caption'):
            problems.append('a screenshot without a caption')
        for image in untranslated(shot, 'image'):
            address = (image.text or '').strip()
            if not address.startswith(base + 'data/screenshots/'):
                problems.append(f'{address}: not a picture of {base}data/screenshots/')
                continue
            path = os.path.join(source_root, address[len(base):])
            try:
                width, height = png_size(path)
            except (OSError, ValueError) as e:
                problems.append(f'{address}: {e}')
                continue
            stated = (int(image.get('width', 0)), int(image.get('height', 0)))
            if stated != (width, height):
                problems.append(f'{address}: the metainfo says {stated[0]}×{stated[1]}, '
                                f'the picture is {width}×{height}')


def check_metainfo(path, source_root, version, url, problems):
    root = ET.parse(path).getroot()
    check_screenshots(root, source_root, url, problems)

    releases = root.findall('releases/release')
    if not releases or releases[0].get('version') != version:
        problems.append(f'the newest <release> is not the project version {version}')
    homepage = [u.text for u in root.findall('url') if u.get('type') == 'homepage']
    if homepage != [url]:
        problems.append(f'the home page is {homepage}, the project says {url}')
    if root.find('content_rating') is None:
        problems.append('no <content_rating>')
    for tag in ('name', 'summary'):
        if not translated(root, tag, 'vi'):
            problems.append(f'{path}: no Vietnamese <{tag}>')


def check_desktop(path, problems):
    entry = configparser.ConfigParser(interpolation=None, strict=False)
    entry.optionxform = str
    entry.read(path, encoding='utf-8')
    keys = entry['Desktop Entry']
    for key in ('Name', 'Comment', 'Keywords'):
        if f'{key}[vi]' not in keys:
            problems.append(f'{path}: no {key}[vi]')


def main():
    metainfo, desktop, source_root, version, url = sys.argv[1:6]
    problems = []
    check_metainfo(metainfo, source_root, version, url, problems)
    check_desktop(desktop, problems)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
