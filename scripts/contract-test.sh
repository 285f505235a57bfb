#!/usr/bin/env bash
# Contract fuzzing: Schemathesis (pinned in crates/server/contract/requirements.txt, in the
# virtual environment scripts/bootstrap.sh makes) runs every check against the OpenAPI
# document of a real server on a fresh database (with the demo content and the editor token),
# so the server and its document agree on every operation: no 5xx, only documented status
# codes and content types, bodies of the documented schema, schema-valid input accepted and
# invalid input refused. Exits non-zero on any failure.
#
#   scripts/contract-test.sh SERVER_BIN DATABASE [MAX_EXAMPLES]
#
# DATABASE is a SQLite file path (created) or a postgres:// URL of an empty database.
# MAX_EXAMPLES per operation and phase (default 60, about a minute on 2 cores);
# GAZETTE_CONTRACT_SEED fixes the random seed (default 1, so a run is repeatable; `make fuzz`
# picks a new one each time).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
server_bin="$1"
database="$2"
max_examples="${3:-60}"
seed="${GAZETTE_CONTRACT_SEED:-1}"
st="${GAZETTE_SCHEMATHESIS:-${GAZETTE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gazette}/schemathesis/bin/st}"
[ -x "$st" ] || { echo "contract-test.sh: Schemathesis is missing; run scripts/bootstrap.sh test" >&2; exit 1; }

work="$(mktemp -d)"
token="contract-$RANDOM$RANDOM"
"$server_bin" --listen 127.0.0.1:0 --database "$database" --api-only \
  --admin-token "$token" --no-rate-limits --media-dir "$work/media" \
  >"$work/stdout" 2>"$work/server.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

address=""
for _ in $(seq 1 150); do
  address="$(sed -n 's/^Gazette is running at //p' "$work/stdout" | head -n 1)"
  [ -n "$address" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.2
done
[ -n "$address" ] || { echo "contract-test.sh: the server did not start" >&2; exit 1; }

cd "$work"
status=0
# One worker: with two, Hypothesis parses lambda sources with `ast.parse` on two threads at
# once, and CPython 3.11 (Debian 12's and pyenv's 3.11.7) then fails at random with
# "SystemError: AST constructor recursion depth mismatch" (python/cpython#106905), which a
# CI run reported as two Runtime Errors with every case passed.
"$st" --config-file "$root/crates/server/contract/schemathesis.toml" run \
  "$address/api/openapi.json" --checks all -H "Authorization: Bearer $token" \
  --max-examples "$max_examples" --seed "$seed" --workers 1 --no-color --request-timeout 20 \
  --report junit --report-dir "$work/report" >"$work/st.log" 2>&1 || status=$?
# The summary (operations, cases, failures) always; the failures in full when there are any.
if [ "$status" -ne 0 ]; then cat "$work/st.log"; else sed -n '/SUMMARY/,$p' "$work/st.log"; fi
if grep -q 'panicked' "$work/server.log"; then
  echo "contract-test.sh: the server panicked:" >&2
  grep -A3 'panicked' "$work/server.log" >&2
  status=1
fi
exit "$status"
