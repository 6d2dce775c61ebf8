#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL started from this machine's binaries.
#   scripts/with_postgres.sh COMMAND...
# initdb in a temporary directory, listen on a Unix socket only (no TCP), export
# DATABASE_URL for the command, and stop and delete the server afterwards, even on failure.
set -euo pipefail

find_bin() {
    local name=$1
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
    local candidate
    for candidate in /usr/lib/postgresql/*/bin/"$name"; do
        [ -x "$candidate" ] && { echo "$candidate"; return; }
    done
    echo "PostgreSQL's $name was not found: install PostgreSQL 15 server binaries." >&2
    exit 1
}
INITDB=$(find_bin initdb)
PG_CTL=$(find_bin pg_ctl)
CREATEDB=$(find_bin createdb)

PGTMP=$(mktemp -d /tmp/wb-pg.XXXXXX)
chmod 755 "$PGTMP"
AS_USER=()
if [ "$(id -u)" = "0" ]; then
    # PostgreSQL refuses to run as root: run it as the postgres (or nobody) account.
    PGUSER_OS=postgres
    id -u postgres >/dev/null 2>&1 || PGUSER_OS=nobody
    chown "$PGUSER_OS" "$PGTMP"
    AS_USER=(runuser -u "$PGUSER_OS" --)
fi

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
