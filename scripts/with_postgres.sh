#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL started from this machine's binaries.
#   scripts/with_postgres.sh COMMAND...
# initdb in a temporary directory, listen on a Unix socket only (no TCP), export
# DATABASE_URL for the command, and stop and delete the server afterwards, even on failure.
set -euo pipefail

. "$(dirname "$0")/postgres_common.sh"

PGTMP=$(mktemp -d /tmp/wb-pg.XXXXXX)
chmod 755 "$PGTMP"
if [ -n "$PGUSER_OS" ]; then chown "$PGUSER_OS" "$PGTMP"; fi

cleanup() {
    "${AS_USER[@]}" "$PG_CTL" -D "$PGTMP/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PGTMP"
}
trap cleanup EXIT INT TERM

"${AS_USER[@]}" "$INITDB" -D "$PGTMP/data" -U workbench --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGTMP/initdb.log" 2>&1 \
    || { cat "$PGTMP/initdb.log" >&2; exit 1; }
"${AS_USER[@]}" "$PG_CTL" -D "$PGTMP/data" -l "$PGTMP/server.log" -w \
    -o "-c listen_addresses='' -k $PGTMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$PGTMP/server.log" >&2; exit 1; }
"$CREATEDB" -h "$PGTMP" -U workbench workbench

export DATABASE_URL="postgres://workbench@/workbench?host=$PGTMP"
export WB_PG_SOCKET_DIR="$PGTMP"
echo "PostgreSQL $("$PG_CTL" --version | awk '{print $3}') on socket $PGTMP"
"$@"
