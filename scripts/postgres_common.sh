# Sourced by scripts/with_postgres.sh (a throwaway server) and scripts/xl_postgres.sh (the
# XL benchmark's kept one): where this machine's PostgreSQL programs are, and whom the
# server runs as.
#   INITDB PG_CTL CREATEDB        the programs (on PATH, else /usr/lib/postgresql/*/bin)
#   AS_USER                       the prefix that runs a server command (empty unless root)
#   PGUSER_OS                     the account it runs as, when root (postgres, else nobody)

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

AS_USER=()
PGUSER_OS=
if [ "$(id -u)" = "0" ]; then
    # PostgreSQL refuses to run as root: run it as the postgres (or nobody) account.
    PGUSER_OS=postgres
    id -u postgres >/dev/null 2>&1 || PGUSER_OS=nobody
    AS_USER=(runuser -u "$PGUSER_OS" --)
fi
