#!/usr/bin/env bash
# Installs what is missing, builds, starts rcrm-server on a local SQLite file with
# Thai demo data (created on the first run, kept in ./demo-data) and opens the app
# signed in as the demo salesperson. Closing the app stops the server.
# Environment: RCRM_DEMO_DIR (default ./demo-data), RCRM_DEMO_USER (default somchai),
#              LANG (default th_TH.UTF-8: the app in Thai).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
scripts/build.sh

dir=${RCRM_DEMO_DIR:-demo-data}
user=${RCRM_DEMO_USER:-somchai}
mkdir -p "$dir"
export RCRM_ADMIN_PASSWORD=${RCRM_ADMIN_PASSWORD:-admin-demo-password}

log="$dir/server.log"
: > "$log"
coproc SERVER { exec build/src/server/rcrm-server --database "$dir/rcrm.db" --listen 127.0.0.1:0 --demo 2>>"$log"; }
server_pid=$SERVER_PID
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT

if ! read -r -t 30 line <&"${SERVER[0]}" || [[ "$line" != "listening on "* ]]; then
  echo "rcrm-server did not start; see $log" >&2
  exit 1
fi
url=${line#listening on }
echo "R-CRM demo server at $url (database $dir/rcrm.db, log $log)" >&2
echo "  demo sign-ins: somchai / demo-password (sales), sudarat / demo-password (team lead)," >&2
echo "                 admin / $RCRM_ADMIN_PASSWORD (administrator)" >&2

token=$(curl -sf -X POST "$url/api/v1/session" -H 'Content-Type: application/json' \
          -d "{\"username\":\"$user\",\"password\":\"demo-password\"}" |
        sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
if [ -z "$token" ]; then
  echo "could not sign in as $user; see $log" >&2
  exit 1
fi

export LANG=${LANG:-th_TH.UTF-8}
case "$LANG" in C|C.*|POSIX) export LANG=th_TH.UTF-8 ;; esac
export RCRM_TOKEN="$token"
export RCRM_LOCALEDIR="$PWD/build/po"
export GSETTINGS_SCHEMA_DIR="$PWD/build/data"
build/src/app/rcrm --server "$url"
