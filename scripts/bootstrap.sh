#!/usr/bin/env bash
# Installs what Gazette's build and tests need, skipping whatever is already there.
#
#   scripts/bootstrap.sh [run|test|bench]
#
# - a Rust toolchain that can build wasm32-unknown-unknown: the rustup target when it is
#   installed or can be added; otherwise Debian's rustc-web route (std built from source);
#   the choice is recorded in $GAZETTE_CACHE/toolchain.env so later runs do not probe again;
# - trunk 0.21.14, wasm-bindgen-cli at the version Cargo.lock pins, wasm-opt and Playwright
#   from package-lock.json (npm ci);
# - for tests and benchmarks: Debian's chromium and chromium-driver, PostgreSQL, and
#   Schemathesis (pinned, in a virtual environment in the cache).
#
# Prints the path of the environment file to source on its last line.
set -euo pipefail

purpose="${1:-run}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${GAZETTE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gazette}"
env_file="$cache/toolchain.env"
TRUNK_VERSION="0.21.14"

say() { printf '==> %s\n' "$*" >&2; }
die() {
  printf '\nbootstrap: %s\n' "$1" >&2
  [ $# -gt 1 ] && printf '%s\n' "$2" >&2
  exit 1
}

mkdir -p "$cache"
export PATH="$HOME/.cargo/bin:$PATH"

command -v cargo >/dev/null 2>&1 || die "cargo is not installed." \
  "Install Rust with rustup (https://rustup.rs), then run this command again."

# apt-get as root or through sudo; empty when neither is possible.
apt_cmd=""
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt_cmd="apt-get"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then apt_cmd="sudo apt-get"
  fi
fi
apt_updated=""
apt_install() {
  [ -n "$apt_cmd" ] || die "missing Debian packages: $*" \
    "Install them by hand (apt-get install -y $*) or run this as root on Debian/Ubuntu."
  if [ -z "$apt_updated" ]; then
    say "updating the Debian package lists"
    $apt_cmd update -qq >&2 || die "apt-get update failed (no network?)."
    apt_updated=1
  fi
  say "installing Debian packages: $*"
  DEBIAN_FRONTEND=noninteractive $apt_cmd install -y -qq "$@" >&2 \
    || die "apt-get install $* failed." "Install them by hand and run this command again."
}

# --- 1. A Rust toolchain for wasm32 -------------------------------------------------------
# The env file defines `wasm CMD...`, which runs CMD with the recorded wasm32 toolchain, and
# GAZETTE_WASM_RELEASE_* for the release build. Host builds (the server) never go through it.
# Both routes build the release WebAssembly the same way: std from source with the size flags
# (rustup needs its rust-src component for that; without it the release build is larger).
write_rustup_env() {
  local std_from_source=""
  if rustup component list --installed 2>/dev/null | grep -q '^rust-src' \
    || timeout 60 rustup component add rust-src >&2 2>&1; then
    std_from_source=1
  else
    say "warning: rustup cannot add rust-src; the release WebAssembly is built without the size flags"
  fi
  {
    echo '# Written by scripts/bootstrap.sh: the rustup toolchain has the wasm32 target.'
    echo 'export GAZETTE_WASM_ROUTE=rustup # gazette-env-v3'
    echo 'wasm() { "$@"; }'
    if [ -n "$std_from_source" ]; then
      echo '# Release builds only (see scripts/gazette): std built from source, size flags.'
      echo 'export GAZETTE_WASM_RELEASE_BUILD_STD=std,panic_abort'
      echo 'export GAZETTE_WASM_RELEASE_STD_FEATURES=optimize_for_size'
      echo 'export GAZETTE_WASM_RELEASE_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"'
    else
      echo 'export GAZETTE_WASM_RELEASE_BUILD_STD=""'
      echo 'export GAZETTE_WASM_RELEASE_STD_FEATURES=""'
      echo 'export GAZETTE_WASM_RELEASE_RUSTFLAGS=""'
    fi
  } >"$env_file"
}

write_debian_env() {
  cat >"$env_file" <<'EOF'
# Written by scripts/bootstrap.sh: Debian's rustc-web with std built from source for wasm32.
export GAZETTE_WASM_ROUTE=debian # gazette-env-v3
wasm() {
  PATH="/usr/bin:$PATH" RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-22/bin/wasm-ld "$@"
}
# Size flags only std-from-source allows; release builds only (see scripts/gazette).
export GAZETTE_WASM_RELEASE_BUILD_STD=""
export GAZETTE_WASM_RELEASE_STD_FEATURES=optimize_for_size
export GAZETTE_WASM_RELEASE_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
EOF
}

debian_route_ready() {
  [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] && [ -x /usr/lib/llvm-22/bin/wasm-ld ] \
    && [ -d "$(/usr/bin/rustc --print sysroot)/lib/rustlib/src/rust/library" ] \
    && /usr/bin/rustc --print target-list | grep -qx wasm32-unknown-unknown \
    && [ -x /usr/bin/cargo-clippy ]
}

toolchain_still_valid() {
  [ -f "$env_file" ] && grep -q gazette-env-v3 "$env_file" || return 1
  case "$(grep -o 'GAZETTE_WASM_ROUTE=[a-z]*' "$env_file" | cut -d= -f2)" in
    rustup) rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown ;;
    debian) debian_route_ready ;;
    *) return 1 ;;
  esac
}

if toolchain_still_valid; then
  say "wasm32 toolchain: $(grep -o 'GAZETTE_WASM_ROUTE=[a-z]*' "$env_file" | cut -d= -f2) (recorded in $env_file)"
elif command -v rustup >/dev/null 2>&1 && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "wasm32 toolchain: the installed rustup target"
  write_rustup_env
elif debian_route_ready; then
  say "wasm32 toolchain: Debian's rustc-web (already installed), std built from source"
  write_debian_env
else
  if command -v rustup >/dev/null 2>&1; then
    say "trying: rustup target add wasm32-unknown-unknown (60 s at most)"
    if timeout 60 rustup target add wasm32-unknown-unknown >&2 2>&1; then
      write_rustup_env
    fi
  fi
  if [ ! -f "$env_file" ] || ! toolchain_still_valid; then
    say "rustup cannot add wasm32 here; using Debian's rustc-web and building std from source"
    apt_install rustc-web cargo-web rust-web-src lld-22 rust-web-clippy
    debian_route_ready || die "Debian's rustc-web route is incomplete after installing it." \
      "Expected /usr/bin/rustc with rust-src and /usr/lib/llvm-22/bin/wasm-ld."
    write_debian_env
  fi
fi

# std built from source needs its own dependencies in cargo's cache, and the release build
# runs offline: fetch them here (quick once they are cached).
std_sysroot="$( . "$env_file"; wasm rustc --print sysroot)"
if [ -f "$std_sysroot/lib/rustlib/src/rust/library/Cargo.toml" ]; then
  ( . "$env_file"; RUSTC_BOOTSTRAP=1 wasm cargo fetch --quiet \
    --manifest-path "$std_sysroot/lib/rustlib/src/rust/library/Cargo.toml" ) >&2 \
    || say "warning: could not fetch the standard library's dependencies"
fi

# --- 2. Node tools: wasm-opt (binaryen) and Playwright, pinned in package-lock.json --------
if ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi
lock_stamp="$root/node_modules/.gazette-lock"
if ! cmp -s "$root/package-lock.json" "$lock_stamp" 2>/dev/null; then
  say "installing Node tools from package-lock.json (npm ci)"
  (cd "$root" && npm ci --no-audit --no-fund >&2) || die "npm ci failed." \
    "Check that the npm registry is reachable, then run this command again."
  cp "$root/package-lock.json" "$lock_stamp"
fi

# --- 3. Trunk and wasm-bindgen-cli ----------------------------------------------------------
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (cargo install --locked; about 15 minutes on 2 cores)"
  cargo install --locked "trunk@$TRUNK_VERSION" >&2 || die "cargo install trunk failed."
fi

bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$root/Cargo.lock" 2>/dev/null || true)"
[ -n "$bindgen_version" ] || bindgen_version="$(grep -o 'wasm-bindgen = "=[0-9.]*"' "$root/Cargo.toml" | grep -o '[0-9.]*[0-9]')"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version (must equal the wasm-bindgen crate)"
  # Without --locked: its lock file names crate versions the registry mirror may lack.
  cargo install "wasm-bindgen-cli@$bindgen_version" >&2 || die "cargo install wasm-bindgen-cli failed."
fi

# --- 4. Browsers for tests and benchmarks, and the HTTP load tool for benchmarks ------------
if [ "$purpose" != run ]; then
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    apt_install chromium chromium-driver
  fi
fi
# PostgreSQL's server binaries (initdb, pg_ctl): the tests and the benchmark run the server
# on a throwaway cluster as well as on SQLite. Debian installs them under /usr/lib/postgresql.
if [ "$purpose" != run ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
  && ! command -v initdb >/dev/null 2>&1; then
  apt_install postgresql
fi
# Schemathesis for the contract test (scripts/contract-test.sh), pinned, in its own virtual
# environment in the cache; made again when the pinned list changes.
if [ "$purpose" != run ]; then
  st_venv="$cache/schemathesis"
  st_requirements="$root/crates/server/contract/requirements.txt"
  if ! cmp -s "$st_requirements" "$st_venv/.gazette-requirements" 2>/dev/null; then
    if ! command -v python3 >/dev/null 2>&1 || ! python3 -m venv --help >/dev/null 2>&1 \
      || ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
      apt_install python3 python3-venv
    fi
    say "installing Schemathesis for the contract test (pip, pinned)"
    rm -rf "$st_venv"
    python3 -m venv "$st_venv" >&2 || die "python3 -m venv failed."
    "$st_venv/bin/pip" install --quiet --disable-pip-version-check -r "$st_requirements" >&2 \
      || die "pip install of Schemathesis failed." "Check that PyPI is reachable, then run this again."
    cp "$st_requirements" "$st_venv/.gazette-requirements"
  fi
fi
if [ "$purpose" = bench ]; then
  command -v wrk >/dev/null 2>&1 || apt_install wrk
  # nginx serves the same answers as files, side by side with the server (hot reads).
  # Debian starts its own nginx on port 80 when installing it: stopped, the bench runs its own.
  if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
    apt_install nginx-light
    { service nginx stop || /etc/init.d/nginx stop; } >/dev/null 2>&1 || true
  fi
  command -v curl >/dev/null 2>&1 || apt_install curl
  bench_stamp="$root/bench/node_modules/.gazette-lock"
  if ! cmp -s "$root/bench/package-lock.json" "$bench_stamp" 2>/dev/null; then
    say "installing Lighthouse for benchmarks (npm ci in bench/)"
    (cd "$root/bench" && npm ci --no-audit --no-fund >&2) || die "npm ci in bench/ failed."
    cp "$root/bench/package-lock.json" "$bench_stamp"
  fi
fi

# The recorded toolchain plus this checkout's node_modules/.bin, for the caller to source.
combined="$root/target/gazette-env.sh"
mkdir -p "$root/target"
{ cat "$env_file"; echo "export PATH=\"$root/node_modules/.bin:\$HOME/.cargo/bin:\$PATH\""; } >"$combined"
say "tools ready"
echo "$combined"
