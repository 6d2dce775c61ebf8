#!/usr/bin/env bash
# `make run`'s server: Django's development server and the task queue's worker (background
# imports) side by side. Ctrl-C, or either one stopping, stops both.
#   scripts/serve.sh [PORT]      (PY picks the Python, default .venv/bin/python)
set -euo pipefail
set -m  # each background job in its own process group, so a stop reaches its reloader's child
PY=${PY:-.venv/bin/python}
PORT=${1:-${PORT:-8000}}

"$PY" manage.py db_worker --interval 1 &
worker=$!
"$PY" manage.py runserver "127.0.0.1:$PORT" &
web=$!

stop() {
    trap - EXIT INT TERM
    kill -TERM -- "-$web" "-$worker" 2>/dev/null || true
    wait "$web" "$worker" 2>/dev/null || true
}
trap stop EXIT INT TERM
echo "Serving on http://127.0.0.1:$PORT with a background worker (Ctrl-C stops both)."
wait -n "$web" "$worker" || true
