#!/usr/bin/env bash
# API latency benchmark: the list and article endpoints under load (wrk on loopback), on the
# demo content and on a database with 100,000 synthetic articles added. Prints p50 and p99.
# First on SQLite, then the same on PostgreSQL (a throwaway cluster, scripts/pg-cluster.sh);
# without PostgreSQL installed the PostgreSQL tables are skipped (the exit status stays 0).
#
#   scripts/bench-api.sh SERVER_BINARY [SYNTHETIC_COUNT]
set -euo pipefail

server_bin="$1"
synthetic="${2:-100000}"
work="$(mktemp -d)"
port=18089
pg_cluster="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/pg-cluster.sh"
pg_dir=""
trap 'kill "${server:-}" 2>/dev/null || true
  [ -z "$pg_dir" ] || "$pg_cluster" stop "$pg_dir" 2>/dev/null || true
  rm -rf "$work"' EXIT

slug="mexico-and-azerbaijan-mark-33-years-of-diplomatic-relations"
paths=(
  "/api/v1/articles?lang=en"
  "/api/v1/articles?lang=en&category=politics"
  "/api/v1/articles/$slug?lang=en"
  "/api/v1/search?q=baku%20port&lang=en"
)

# The server on DATABASE (a SQLite path or a postgres:// URL), once /healthz answers.
start_server() {
  local database="$1"
  "$server_bin" --listen "127.0.0.1:$port" --database "$database" --dist "$work/none" --no-rate-limits \
    >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$server" 2>/dev/null || break # exited: no use waiting
    sleep 0.2
  done
  echo "server did not start:" >&2
  cat "$work/server.log" >&2
  exit 1
}

measure() {
  local label="$1"
  printf '\n%s\n' "$label"
  printf '  %-52s %10s %10s %10s\n' endpoint req/s p50 p99
  for path in "${paths[@]}"; do
    # Two connections per core of this 2-core machine; 5 s after a 1 s warm-up.
    wrk -t2 -c4 -d1s "http://127.0.0.1:$port$path" >/dev/null
    local out
    out="$(wrk -t2 -c4 -d5s --latency "http://127.0.0.1:$port$path")"
    local rps p50 p99
    rps="$(awk '/Requests\/sec/ { print $2 }' <<<"$out")"
    p50="$(awk '$1 == "50%" { print $2 }' <<<"$out")"
    p99="$(awk '$1 == "99%" { print $2 }' <<<"$out")"
    printf '  %-52s %10s %10s %10s\n' "$path" "$rps" "$p50" "$p99"
  done
}

stop_server() {
  kill "$server"; wait "$server" 2>/dev/null || true
  server=""
}

# The demo table, SYNTHETIC articles added, the second table: on DATABASE, titled NAME.
bench_database() {
  local name="$1" database="$2"
  start_server "$database"
  measure "$name — demo content (61 stories, 113 articles in three languages)"
  stop_server

  printf '\n%s: adding %s synthetic articles...\n' "$name" "$synthetic"
  "$server_bin" --database "$database" synthetic --articles "$synthetic" | tail -n 1
  start_server "$database"
  measure "$name — demo content + $synthetic synthetic articles"
  stop_server
}

bench_database SQLite "$work/bench.db"

# The same on PostgreSQL: Debian's server binaries, as scripts/bootstrap.sh installs them.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
  && ! command -v initdb >/dev/null 2>&1; then
  printf '\n%s\n%s\n' "PostgreSQL — skipped: PostgreSQL is not installed (no initdb under" \
    "  /usr/lib/postgresql/*/bin or on PATH; scripts/bootstrap.sh bench installs it)"
  exit 0
fi
# The cluster's directory is under $work, which the postgres user (the server's owner when
# this runs as root) must be able to pass through.
chmod o+x "$work"
pg_dir="$work/postgres"
mkdir "$pg_dir"
"$pg_cluster" start "$pg_dir" >/dev/null
pg_url="$("$pg_cluster" createdb "$pg_dir" bench)"
bench_database PostgreSQL "$pg_url"
