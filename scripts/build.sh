#!/usr/bin/env bash
# Configures (once) and builds into ./build. Warnings are errors.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/build.ninja ]; then
  meson setup build --werror >&2
fi
ninja -C build >&2
