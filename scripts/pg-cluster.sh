#!/usr/bin/env bash
# Throwaway PostgreSQL clusters for the tests and the benchmark: initdb in a temporary
# directory, a server on 127.0.0.1 at a free port with trust authentication and no durability
# (fsync off), stopped and deleted afterwards. Uses Debian's postgresql package (the highest
# version under /usr/lib/postgresql, else initdb on PATH); as root it runs the server as the
# package's postgres user, since PostgreSQL refuses to run as root.
#
#   scripts/pg-cluster.sh start DIR           new cluster in the empty directory DIR; prints
#                                             postgres://gazette@127.0.0.1:PORT (also in DIR/url)
#   scripts/pg-cluster.sh createdb DIR NAME   new database NAME; prints its URL (.../NAME)
#   scripts/pg-cluster.sh stop DIR            stops the cluster (if running) and removes DIR
#
# The URL is the last line of stdout; everything else goes to stderr.
set -euo pipefail

user=gazette
first_port=55432

die() { echo "pg-cluster.sh: $*" >&2; exit 1; }

# The directory of initdb, pg_ctl, createdb and psql.
bin_dir() {
  local initdb
  initdb="$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)"
  if [ ! -x "$initdb" ]; then
    initdb="$(command -v initdb 2>/dev/null)" \
      || die "PostgreSQL's initdb and pg_ctl are missing: install Debian's postgresql" \
        "package; scripts/bootstrap.sh test does it."
    initdb="$(readlink -f "$initdb")"
  fi
  [ -x "$(dirname "$initdb")/pg_ctl" ] || die "no pg_ctl next to $initdb"
  dirname "$initdb"
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# Runs a command as the cluster's owner: the postgres system user when we are root, else us.
# From /, which the postgres user can always enter.
as_owner() {
  if ! is_root; then
    (cd / && "$@")
  elif command -v runuser >/dev/null 2>&1; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && su postgres -s /bin/sh -c "$(printf '%q ' "$@")")
  fi
}

# Whether something listens on 127.0.0.1:PORT.
port_busy() {
  local port="$1"
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
  if command -v ss >/dev/null 2>&1 && [ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]; then
    return 0
  fi
  return 1
}

free_port() {
  local port="$1"
  while port_busy "$port"; do
    port=$((port + 1))
    [ "$port" -lt $((first_port + 1000)) ] || die "no free TCP port from $first_port upward"
  done
  echo "$port"
}

cmd_start() {
  local dir="$1"
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  [ -z "$(ls -A "$dir")" ] || die "$dir is not empty"
  case "$dir" in
    *"'"* | *' '*) die "the directory's path must not contain quotes or spaces: $dir" ;;
  esac
  local bin
  bin="$(bin_dir)"

  if is_root; then
    getent passwd postgres >/dev/null \
      || die "running as root, but there is no postgres user to run the server as" \
        "(Debian's postgresql package creates it)"
    chown postgres: "$dir"
    as_owner test -w "$dir" \
      || die "the postgres user cannot write to $dir: every parent directory must be" \
        "searchable by it (chmod o+x)"
  fi

  echo "pg-cluster.sh: initdb ($bin) in $dir/data" >&2
  # --no-sync: nothing of a throwaway cluster needs to reach the disk. Its chatter is shown
  # only when it fails.
  local initdb_args=(-D "$dir/data" --auth=trust -U "$user" --encoding=UTF8 --no-sync) out
  if ! out="$(as_owner "$bin/initdb" "${initdb_args[@]}" --locale=C.UTF-8 2>&1)"; then
    printf '%s\n' "$out" >&2
    echo "pg-cluster.sh: initdb with --locale=C.UTF-8 failed; trying --no-locale" >&2
    rm -rf "$dir/data"
    out="$(as_owner "$bin/initdb" "${initdb_args[@]}" --no-locale 2>&1)" \
      || { printf '%s\n' "$out" >&2; die "initdb failed"; }
  fi

  # Appended by us (root keeps the file's owner); the port is given at start, see below.
  cat >>"$dir/data/postgresql.conf" <<EOF

# --- throwaway test cluster (scripts/pg-cluster.sh) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
EOF

  # A port nothing listens on; if another cluster takes it first (two starting at once), the
  # bind fails and the next one is tried.
  local port=$first_port log="$dir/postgres.log" attempt lines
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port="$(free_port "$port")"
    lines=0
    [ -f "$log" ] && lines="$(wc -l <"$log")"
    if as_owner "$bin/pg_ctl" start -w -t 60 -D "$dir/data" -l "$log" -o "-p $port" >&2; then
      break
    fi
    if [ "$attempt" -lt 10 ] && tail -n +"$((lines + 1))" "$log" 2>/dev/null \
      | grep -q 'could not bind\|could not create any TCP/IP sockets\|Address already in use'; then
      echo "pg-cluster.sh: port $port was taken meanwhile; trying the next one" >&2
      port=$((port + 1))
      continue
    fi
    echo "pg-cluster.sh: the server did not start; the end of $log:" >&2
    tail -n 30 "$log" >&2 2>/dev/null || true
    exit 1
  done

  local url="postgres://$user@127.0.0.1:$port"
  echo "$url" >"$dir/url"
  echo "pg-cluster.sh: PostgreSQL $(cat "$dir/data/PG_VERSION") on $url (data in $dir)" >&2
  echo "$url"
}

cmd_createdb() {
  local dir="$1" name="$2"
  [[ "$name" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "database names are letters, digits and _: $name"
  [ -f "$dir/url" ] || die "no cluster in $dir (no $dir/url): run scripts/pg-cluster.sh start $dir"
  local url port bin
  url="$(cat "$dir/url")"
  port="${url##*:}"
  bin="$(bin_dir)"
  "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$user" "$name" >&2 || die "createdb $name failed"
  echo "$url/$name"
}

cmd_stop() {
  local dir="$1"
  [ -d "$dir" ] || return 0
  dir="$(cd "$dir" && pwd)"
  [ "$dir" != / ] || die "refusing to remove /"
  # Remove only what start made: a mistyped DIR must not cost anything else.
  local entry
  for entry in "$dir"/* "$dir"/.[!.]*; do
    [ -e "$entry" ] || continue
    case "${entry##*/}" in
      data | url | postgres.log | .s.PGSQL.*) ;;
      *) die "refusing to remove $dir: $entry is not part of a cluster" ;;
    esac
  done
  if [ -f "$dir/data/postmaster.pid" ]; then
    local bin
    if bin="$(bin_dir 2>/dev/null)"; then
      as_owner "$bin/pg_ctl" stop -D "$dir/data" -m fast -w -t 60 >&2 || true
    fi
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) [ $# -eq 2 ] || die "usage: pg-cluster.sh start DIR"; cmd_start "$2" ;;
  createdb) [ $# -eq 3 ] || die "usage: pg-cluster.sh createdb DIR NAME"; cmd_createdb "$2" "$3" ;;
  stop) [ $# -eq 2 ] || die "usage: pg-cluster.sh stop DIR"; cmd_stop "$2" ;;
  *) echo "usage: scripts/pg-cluster.sh start DIR | createdb DIR NAME | stop DIR" >&2; exit 2 ;;
esac
