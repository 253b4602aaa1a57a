# Shared by scripts/setup, scripts/serve, scripts/test and scripts/bench. Source it; do not run it.
# It puts the project's tools on PATH and picks the wasm toolchain that scripts/setup chose.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CARGO_BIN=${CARGO_HOME:-$HOME/.cargo}/bin
export PATH="$ROOT/node_modules/.bin:$CARGO_BIN:$PATH"

# Pinned host tools. wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock.
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' "$ROOT/Cargo.lock")

# scripts/setup records the wasm route here: "rustup" or "debian".
ROUTE_FILE="$ROOT/target/.wasm-route"

say()  { printf '[entente] %s\n' "$*"; }
fail() { printf '[entente] ERROR: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

# Runs a wasm build command with the chosen toolchain. On the Debian route, Debian's rustc
# rebuilds std for wasm32 (build-std), in its own target directory so the two toolchains
# never share build artefacts.
wasm_env() {
  local route
  route=$(cat "$ROUTE_FILE" 2>/dev/null || echo rustup)
  if [ "$route" = debian ]; then
    env RUSTUP_TOOLCHAIN=/usr RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
      CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_TARGET_DIR="$ROOT/target/debian" \
      PATH="/usr/bin:$PATH" "$@"
  else
    "$@"
  fi
}

# Builds the release bundle into dist/ and writes .br and .gz files beside each asset.
build_release() {
  say "building the release bundle (trunk build --release)"
  (cd "$ROOT" && wasm_env trunk build --release --dist dist >"$ROOT/target/trunk.log" 2>&1) \
    || { tail -40 "$ROOT/target/trunk.log" >&2; fail "trunk build failed (full log: target/trunk.log)"; }
  node "$ROOT/scripts/single-file.mjs" "$ROOT/dist" >/dev/null || fail "could not write the single-file build"
  local f
  for f in "$ROOT"/dist/*.{wasm,js,css,html,json}; do
    [ -e "$f" ] || continue
    brotli -f -k -q 11 "$f"
    gzip -f -k -9 "$f"
  done
}
