#!/usr/bin/env bash
# API latency benchmark: the list and article endpoints under load (wrk on loopback), on the
# demo content and on a database with 100,000 synthetic articles added. Prints p50 and p99.
# First on SQLite, then the same on PostgreSQL (a throwaway cluster, scripts/pg-cluster.sh);
# without PostgreSQL installed the PostgreSQL tables are skipped (the exit status stays 0).
# On SQLite's demo content also: hot reads side by side with nginx serving the same bytes
# as files (the ratio of requests/s), and 60 s of mixed traffic with editor writes
# (scripts/mixed-load.lua), after which every acknowledged write must be readable.
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
  "$server_bin" --listen "127.0.0.1:$port" --database "$database" --api-only --no-rate-limits \
    --admin-token bench-token >"$work/server.log" 2>&1 &
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

# Requests/s of wrk on URL with CONNECTIONS connections for 5 s (after 1 s of warm-up),
# asking for ENCODING ("identity" or "gzip").
requests_per_second() {
  local url="$1" connections="$2" encoding="$3"
  wrk -t2 -c"$connections" -d1s -H "Accept-Encoding: $encoding" "$url" >/dev/null
  wrk -t2 -c"$connections" -d5s -H "Accept-Encoding: $encoding" "$url" \
    | awk '/Requests\/sec/ { print $2 }'
}

# Hot reads: the server's kept answers against nginx serving the very same bytes from files
# (the list's answer saved by curl, with gzip_static for the gzip run), one after the other
# on the same machine. The budget is a ratio of at least 0.5.
hot_reads_against_nginx() {
  local nginx_bin nginx_port root="$work/nginx"
  # A port nothing listens on now (other test servers may hold fixed ones).
  nginx_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
  if [ ! -x "$nginx_bin" ]; then
    printf '\nhot reads against nginx — skipped: nginx is not installed (bootstrap.sh bench installs it)\n'
    return 0
  fi
  mkdir -p "$root/api/v1" "$root/logs"
  curl -fsS -H 'Accept-Encoding: identity' -o "$root/api/v1/articles.json" \
    "http://127.0.0.1:$port/api/v1/articles?lang=en"
  gzip -6 -k "$root/api/v1/articles.json"
  # nginx's workers drop to an unprivileged user when started by root: let them read.
  chmod o+x "$work"
  chmod -R o+rX "$root"
  cat >"$root/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $root/nginx.pid;
error_log $root/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { application/json json; }
  server {
    listen 127.0.0.1:$nginx_port;
    root $root;
    gzip_static on;
    location = /api/v1/articles { default_type application/json; try_files /api/v1/articles.json =404; }
  }
}
CONF
  "$nginx_bin" -c "$root/nginx.conf" -p "$root" &
  local nginx=$!
  for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$nginx_port/api/v1/articles" >/dev/null 2>&1 && break; sleep 0.1; done
  if ! cmp -s <(curl -fsS "http://127.0.0.1:$nginx_port/api/v1/articles") \
    <(curl -fsS -H 'Accept-Encoding: identity' "http://127.0.0.1:$port/api/v1/articles?lang=en"); then
    echo "hot reads: nginx and the server do not answer the same bytes; no comparison" >&2
    tail -n 3 "$root/logs/error.log" >&2 || true
    kill "$nginx" 2>/dev/null || true
    return 0
  fi
  printf '\nhot reads — /api/v1/articles?lang=en (%s bytes), wrk -t2, 5 s: the server against nginx serving the same bytes\n' \
    "$(stat -c %s "$root/api/v1/articles.json")"
  printf '  %-10s %-12s %14s %14s %8s\n' encoding connections server nginx ratio
  local encoding connections ours theirs
  for encoding in identity gzip; do
    for connections in 16 64; do
      ours="$(requests_per_second "http://127.0.0.1:$port/api/v1/articles?lang=en" "$connections" "$encoding")"
      theirs="$(requests_per_second "http://127.0.0.1:$nginx_port/api/v1/articles" "$connections" "$encoding")"
      printf '  %-10s %-12s %14s %14s %8s\n' "$encoding" "$connections" "$ours" "$theirs" \
        "$(awk -v a="$ours" -v b="$theirs" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')"
    done
  done
  kill "$nginx" 2>/dev/null || true
  wait "$nginx" 2>/dev/null || true
}

# 60 s (GAZETTE_MIXED_SECS) of readers and editors at once: 4 connections, each request a
# list (40 %), an article (25 %), a search (10 %), a view (20 %) or an editor's new article
# (5 %). Then every write the server acknowledged must be readable.
mixed_load() {
  local seconds="${GAZETTE_MIXED_SECS:-60}" writes="$work/mixed-writes.txt"
  printf '\nmixed load — %s s, 4 connections: lists, articles, search, views and editor writes\n' "$seconds"
  TOKEN=bench-token WRITES_FILE="$writes" \
    wrk -t4 -c4 -d"${seconds}s" --timeout 10s -s "$(dirname "${BASH_SOURCE[0]}")/mixed-load.lua" \
    "http://127.0.0.1:$port" | grep -E '^  (answers|p50)'
  local total=0 missing=0 lang slug
  while read -r lang slug; do
    total=$((total + 1))
    curl -fs -o /dev/null "http://127.0.0.1:$port/api/v1/articles/$slug?lang=$lang" \
      || missing=$((missing + 1))
  done <"$writes"
  printf '  acknowledged writes read back: %s of %s (missing: %s)\n' \
    "$((total - missing))" "$total" "$missing"
}

# The demo table, SYNTHETIC articles added, the second table: on DATABASE, titled NAME.
bench_database() {
  local name="$1" database="$2"
  start_server "$database"
  measure "$name — demo content (61 stories, 113 articles in three languages)"
  if [ "$name" = SQLite ]; then
    hot_reads_against_nginx
    mixed_load
  fi
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
