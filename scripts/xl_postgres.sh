#!/usr/bin/env bash
# The XL benchmark's PostgreSQL: a server whose data directory is kept, so the
# million-statement corpus is generated once and reused.
#   scripts/xl_postgres.sh start          initdb on first use, start, print DATABASE_URL
#   scripts/xl_postgres.sh stop
#   scripts/xl_postgres.sh run COMMAND... start if needed, run COMMAND with DATABASE_URL set
# WB_XL_PGDATA (default /work/pg-xl) is the data directory, outside the repository; the
# socket is its subdirectory `socket`. Unix socket only, fsync off (a benchmark, not data).
set -euo pipefail

PGDIR=${WB_XL_PGDATA:-/work/pg-xl}
SOCKET="$PGDIR/socket"

. "$(dirname "$0")/postgres_common.sh"
PSQL=$(find_bin psql)

start() {
    if [ ! -f "$PGDIR/data/PG_VERSION" ]; then
        mkdir -p "$PGDIR" "$SOCKET"
        chmod 755 "$PGDIR"
        [ ${#AS_USER[@]} -gt 0 ] && chown -R "$PGUSER_OS" "$PGDIR"
        "${AS_USER[@]}" "$INITDB" -D "$PGDIR/data" -U workbench --auth=trust -E UTF8 \
            --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1 || { cat "$PGDIR/initdb.log" >&2; exit 1; }
    fi
    if ! "${AS_USER[@]}" "$PG_CTL" -D "$PGDIR/data" status >/dev/null 2>&1; then
        "${AS_USER[@]}" "$PG_CTL" -D "$PGDIR/data" -l "$PGDIR/server.log" -w \
            -o "-c listen_addresses='' -k $SOCKET -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            start >/dev/null || { tail -20 "$PGDIR/server.log" >&2; exit 1; }
    fi
    if ! "$PSQL" -h "$SOCKET" -U workbench -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='workbench'" | grep -q 1; then
        "$CREATEDB" -h "$SOCKET" -U workbench workbench
    fi
    export DATABASE_URL="postgres://workbench@/workbench?host=$SOCKET"
    export WB_PG_SOCKET_DIR="$SOCKET"
}

case "${1:-}" in
    start) start; echo "DATABASE_URL=$DATABASE_URL" ;;
    stop) "${AS_USER[@]}" "$PG_CTL" -D "$PGDIR/data" -m fast stop ;;
    run) shift; start; "$@" ;;
    *) echo "usage: $0 start|stop|run COMMAND..." >&2; exit 2 ;;
esac
