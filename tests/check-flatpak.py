#!/usr/bin/env python3
"""The Flatpak manifest, offline (meson test, suite data).

    check-flatpak.py MANIFEST APP-ID

Nothing can be downloaded here, so the manifest cannot be built. This runs
`flatpak-builder --show-manifest` on it and fails on any error or warning
it prints (an unknown key is only a warning there), then checks what the
project asks of it: a current GNOME runtime; the sandbox limited to the
display and IPC (files come through the portals); libxlsxwriter, poppler
with poppler-data and libqrencode built from archives pinned by version
and sha256, with the options of shared/platform.md; the application last,
built with meson. Python's standard library only.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

FINISH_ARGS = {'--share=ipc', '--socket=fallback-x11', '--socket=wayland'}
MODULES = ['libxlsxwriter', 'poppler-data', 'poppler', 'libqrencode', 'ipdossiers']
OLDEST_RUNTIME = 47
# the options shared/platform.md gives: cmake-ninja, shared libxlsxwriter;
# poppler with glib and without Qt, C++, utils, NSS, GPGME, curl or tests
OPTIONS = {
    'libxlsxwriter': ['-DBUILD_SHARED_LIBS=ON',
                      # numbers written the same in every locale (a
                      # Vietnamese decimal comma would corrupt the file)
                      '-DUSE_DTOA_LIBRARY=ON'],
    'poppler': ['-DENABLE_GLIB=ON', '-DENABLE_QT5=OFF', '-DENABLE_QT6=OFF',
                '-DENABLE_CPP=OFF', '-DENABLE_UTILS=OFF', '-DENABLE_NSS3=OFF',
                '-DENABLE_GPGME=OFF', '-DENABLE_LIBCURL=OFF',
                '-DBUILD_GTK_TESTS=OFF', '-DBUILD_QT5_TESTS=OFF',
                '-DBUILD_QT6_TESTS=OFF', '-DBUILD_CPP_TESTS=OFF',
                '-DBUILD_MANUAL_TESTS=OFF'],
}
BUILDSYSTEMS = {'libxlsxwriter': 'cmake-ninja', 'poppler': 'cmake-ninja',
                'poppler-data': 'cmake-ninja', 'ipdossiers': 'meson'}


def show_manifest(path, problems):
    builder = shutil.which('flatpak-builder')
    if builder is None:
        problems.append('flatpak-builder is not installed (IPD_TEST_PACKAGES in build-aux/common.sh)')
        return
    # it keeps a state folder (.flatpak-builder) in the working directory
    with tempfile.TemporaryDirectory(prefix='ipd-flatpak-') as work:
        run = subprocess.run([builder, '--show-manifest', os.path.abspath(path)], cwd=work,
                             capture_output=True, text=True, check=False)
    if run.returncode != 0:
        problems.append(f'flatpak-builder --show-manifest exited {run.returncode}')
    if run.stderr.strip():
        problems.append('flatpak-builder --show-manifest said:\n' + run.stderr.strip())


def check_sources(module, problems):
    for source in module.get('sources', []):
        if source.get('type') == 'dir':
            continue
        name = module['name']
        if source.get('type') != 'archive':
            problems.append(f'{name}: a {source.get("type")} source, not a pinned archive')
            continue
        url = source.get('url', '')
        if not re.search(r'\d+\.\d+(\.\d+)?\.tar\.(gz|xz|bz2)$', url):
            problems.append(f'{name}: {url} does not name a released version')
        if not re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')):
            problems.append(f'{name}: no sha256 for {url}')


def check_module(module, problems):
    name = module.get('name')
    check_sources(module, problems)
    if name in BUILDSYSTEMS and module.get('buildsystem') != BUILDSYSTEMS[name]:
        problems.append(f'{name}: built with {module.get("buildsystem")}, not {BUILDSYSTEMS[name]}')
    for option in OPTIONS.get(name, []):
        if option not in module.get('config-opts', []):
            problems.append(f'{name}: {option} is missing')


def check_policy(manifest, app_id, problems):
    if manifest.get('id') != app_id:
        problems.append(f'the id is {manifest.get("id")}, not {app_id}')
    if manifest.get('command') != 'ipdossiers':
        problems.append('the command is not ipdossiers')
    if (manifest.get('runtime'), manifest.get('sdk')) != ('org.gnome.Platform', 'org.gnome.Sdk'):
        problems.append('not the GNOME runtime and SDK')
    version = str(manifest.get('runtime-version', ''))
    if not version.isdigit() or int(version) < OLDEST_RUNTIME:
        problems.append(f'runtime-version {version!r}: not a current GNOME runtime')
    finish = set(manifest.get('finish-args', []))
    if finish != FINISH_ARGS:
        problems.append(f'finish-args {sorted(finish)}: the sandbox should have exactly {sorted(FINISH_ARGS)}')
    names = [m.get('name') for m in manifest.get('modules', [])]
    if names != MODULES:
        problems.append(f'modules {names}, expected {MODULES}')
    for module in manifest.get('modules', []):
        check_module(module, problems)


def main():
    path, app_id = sys.argv[1:3]
    problems = []
    show_manifest(path, problems)
    with open(path, encoding='utf-8') as f:
        manifest = json.load(f)
    check_policy(manifest, app_id, problems)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
