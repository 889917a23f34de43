#!/usr/bin/env bash
# run-ui-test.sh — runs one UI test program (tests/app) headless:
#
#   its own Xvfb (1280x800x24, display number chosen by Xvfb itself with
#   -displayfd, so parallel runs cannot race for one), a private D-Bus session
#   (dbus-run-session) and in it gnome-keyring's Secret Service, with a new
#   "login" keyring created and unlocked with a throw-away password, all under
#   a private HOME and XDG_RUNTIME_DIR that are removed afterwards.
#
# Usage: run-ui-test.sh TEST-PROGRAM [ARGS…]
# No terminal and nothing on stdin is needed (CI): the keyring password comes
# from a pipe, never from a prompt, and the keyring exists before the test asks
# for it, so gnome-keyring has no reason to show a dialog on the Xvfb display.
#
# With RCRM_UI_TEST_DISPLAY set (e.g. ":99", an Xvfb you started yourself) that
# display is used instead of a new one.
set -euo pipefail

if [ "$#" -lt 1 ]; then
  echo "usage: $0 TEST-PROGRAM [ARGS…]" >&2
  exit 2
fi

for tool in Xvfb dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    # 77: meson's "skipped"; scripts/setup.sh installs xvfb, dbus and gnome-keyring
    echo "run-ui-test: $tool not found (run scripts/setup.sh)" >&2
    exit 77
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rcrm-ui-test.XXXXXX")
xvfb_pid=
cleanup() {
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

mkdir -m 700 "$tmp/home" "$tmp/runtime"
export HOME="$tmp/home"
export XDG_RUNTIME_DIR="$tmp/runtime"
unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME XDG_STATE_HOME
# never a bus or a keyring of the calling session
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL SSH_AUTH_SOCK

if [ -n "${RCRM_UI_TEST_DISPLAY:-}" ]; then
  export DISPLAY="$RCRM_UI_TEST_DISPLAY"
else
  # Xvfb writes the display number it picked to fd 3 once it accepts clients
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset \
    3>"$tmp/display" </dev/null >"$tmp/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 1 200); do
    [ -s "$tmp/display" ] && break
    if ! kill -0 "$xvfb_pid" 2>/dev/null; then
      echo "run-ui-test: Xvfb did not start:" >&2
      cat "$tmp/xvfb.log" >&2
      exit 1
    fi
    sleep 0.05
  done
  if [ ! -s "$tmp/display" ]; then
    echo "run-ui-test: Xvfb did not report a display within 10 s" >&2
    exit 1
  fi
  export DISPLAY=":$(head -n1 "$tmp/display")"
fi

# dbus-run-session ends the bus (and with it gnome-keyring-daemon, which quits
# when its bus goes away) when the test program exits.
status=0
dbus-run-session -- bash -c '
  set -e
  # creates $HOME/.local/share/keyrings/login.keyring, unlocked, as the default
  # collection; prints GNOME_KEYRING_CONTROL=… (the test only needs the bus)
  eval "$(printf %s rcrm-ui-test | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  exec "$@"
' run-ui-test "$@" </dev/null || status=$?
exit "$status"
