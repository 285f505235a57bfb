#!/usr/bin/env bash
# API latency benchmark: the list and article endpoints under load (wrk on loopback), on the
# demo content and on a database with 100,000 synthetic articles added. Prints p50 and p99.
#
#   scripts/bench-api.sh SERVER_BINARY [SYNTHETIC_COUNT]
set -euo pipefail

server_bin="$1"
synthetic="${2:-100000}"
work="$(mktemp -d)"
port=18089
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

slug="mexico-and-azerbaijan-mark-33-years-of-diplomatic-relations"
paths=(
  "/api/v1/articles?lang=en"
  "/api/v1/articles?lang=en&category=politics"
  "/api/v1/articles/$slug?lang=en"
  "/api/v1/search?q=baku%20port&lang=en"
)

start_server() {
  "$server_bin" --listen "127.0.0.1:$port" --database "$work/bench.db" --dist "$work/none" \
    >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
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

start_server
measure "demo content (61 stories, 113 articles in three languages)"
kill "$server"; wait "$server" 2>/dev/null || true

printf '\nadding %s synthetic articles...\n' "$synthetic"
"$server_bin" --database "$work/bench.db" synthetic --articles "$synthetic" | tail -n 1
start_server
measure "demo content + $synthetic synthetic articles"
