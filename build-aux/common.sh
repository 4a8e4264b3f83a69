# shellcheck shell=bash
# Shared by build-aux/run and build-aux/test: package lists, root helper,
# Debian package installer and the meson build step.  Source it; do not run it.

# Everything needed to configure and compile the project on Debian 12.
IPD_BUILD_PACKAGES=(
  meson ninja-build pkg-config gcc
  libglib2.0-dev libglib2.0-bin
  libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libicu-dev libjson-glib-dev libxlsxwriter-dev libpoppler-glib-dev libqrencode-dev
  gettext desktop-file-utils appstream
)

# Extra packages for the test suite (headless display, session bus, readers).
IPD_TEST_PACKAGES=(
  xvfb xauth dbus dbus-x11
  python3-openpyxl sqlite3
  xfonts-base fonts-dejavu-core
  # the registers printed to PDF as an office would, and read back
  libreoffice-calc-nogui poppler-utils
  # encrypted PDFs for the viewer's tests; clang builds the PDF fuzzer
  qpdf clang
  # localedef's sources of vi_VN.UTF-8 (compiled by the tests, no root): the
  # Vietnamese system of test-language, and the decimal comma of the export tests
  locales
  # the receipt's QR code decoded back from its printed page
  zbar-tools
  # the Flatpak manifest read offline (flatpak-builder --show-manifest)
  flatpak-builder
)

# The repository root, whatever the caller's working directory.
IPD_ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"

ipd_log() {
  printf '%s: %s\n' "${IPD_SCRIPT_NAME:-build-aux}" "$*" >&2
}

ipd_die() {
  ipd_log "error: $*"
  exit 2
}

# Run a command as root: directly when we are root, through sudo otherwise.
ipd_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    if [ -t 0 ]; then
      sudo -- "$@"
    else
      # Unattended: never wait for a password prompt nobody can answer.
      sudo -n -- "$@"
    fi
  else
    ipd_die "not root and sudo is not available to run: $*"
  fi
}

# True when a Debian package is installed.
ipd_pkg_installed() {
  local status
  status="$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" || return 1
  [ "$status" = "install ok installed" ]
}

# ipd_install_packages PKG...: install whichever of PKG are missing.
ipd_install_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    ipd_pkg_installed "$pkg" || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    ipd_log "all ${#} required packages are installed"
    return 0
  fi
  command -v apt-get >/dev/null 2>&1 ||
    ipd_die "apt-get not found; install by hand: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    ipd_die "not root and sudo is not available; as root run: apt-get install ${missing[*]}"
  fi
  ipd_log "installing: ${missing[*]}"
  local apt_opts=(-y -q --no-install-recommends
                  -o Dpkg::Use-Pty=0 -o DPkg::Lock::Timeout=300)
  ipd_as_root env DEBIAN_FRONTEND=noninteractive apt-get -q update
  ipd_as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install "${apt_opts[@]}" "${missing[@]}"
}

# ipd_build DIR [MESON_SETUP_OPTION...]: configure DIR once, then compile it.
ipd_build() {
  local dir="$1"
  shift
  if [ ! -f "$IPD_ROOT/$dir/meson-private/coredata.dat" ]; then
    ipd_log "configuring $dir"
    meson setup "$IPD_ROOT/$dir" "$IPD_ROOT" "$@" || return
  fi
  ipd_log "compiling $dir"
  ninja -C "$IPD_ROOT/$dir"
}
