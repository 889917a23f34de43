#!/usr/bin/env bash
# Installs what is missing, builds, and starts rcrm-server on a local SQLite file
# filled with Thai demo data (created on the first run, kept in ./demo-data).
# Environment: RCRM_PORT (default 8080), RCRM_DEMO_DIR (default ./demo-data).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
scripts/build.sh

dir=${RCRM_DEMO_DIR:-demo-data}
port=${RCRM_PORT:-8080}
mkdir -p "$dir"
export RCRM_ADMIN_PASSWORD=${RCRM_ADMIN_PASSWORD:-admin-demo-password}

echo "R-CRM demo server: database $dir/rcrm.db" >&2
echo "  sign in as somchai / demo-password (sales), sudarat / demo-password (team lead)," >&2
echo "  or admin / $RCRM_ADMIN_PASSWORD (administrator); Ctrl+C stops the server." >&2
exec build/src/server/rcrm-server --database "$dir/rcrm.db" --listen "127.0.0.1:$port" --demo
