#!/usr/bin/env bash
# Installs the Debian 12 packages R-CRM needs to build, run and test.
# Quick when everything is already there: it only calls apt-get for what is missing.
set -euo pipefail

packages=(
  # build
  gcc meson ninja-build pkg-config gettext
  libglib2.0-dev libjson-glib-dev libsoup-3.0-dev libsqlite3-dev libsodium-dev
  libgtk-4-dev libadwaita-1-dev libsecret-1-dev
  # tools used by the scripts and tests
  curl procps locales
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools at-spi2-core
  desktop-file-utils appstream-util
  # Thai fonts with correct mark placement
  fonts-noto-core fonts-thai-tlwg
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# The app and its tests run under LANG=th_TH.UTF-8; a fresh machine has no Thai locale.
if ! locale -a 2>/dev/null | grep -qi '^th_TH\.utf-\?8$'; then
  echo "setup: generating th_TH.UTF-8 locale" >&2
  as_root localedef -i th_TH -f UTF-8 th_TH.UTF-8
fi
