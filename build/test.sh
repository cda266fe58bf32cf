#!/usr/bin/env bash
# Runs every check of the project, in this order:
#   dotnet format (verify) -> build (Release) -> unit/integration tests -> end-to-end tests
#   -> OpenAPI lint of artifacts/openapi/v1.json (written by a test).
#
# Usage: bash build/test.sh
#
# As root on a fresh Debian 12 machine it installs what is missing (chromium,
# fonts-wqy-microhei, postgresql) with apt. It starts a private, throw-away
# PostgreSQL 15 cluster on a free loopback port and removes it on exit.
# Test results (TRX) go to artifacts/test-results/.
# The last line is "N passed, N failed"; the exit code is non-zero when anything
# failed (format, build, a test, the OpenAPI lint) or when no test ran.

set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1

SOLUTION="CommunityPartner.slnx"
TEST_PROJECTS=(
  "tests/CommunityPartner.Tests/CommunityPartner.Tests.csproj"
  "tests/CommunityPartner.EndToEndTests/CommunityPartner.EndToEndTests.csproj"
)
RESULTS_DIR="$ROOT/artifacts/test-results"
OPENAPI_DOC="artifacts/openapi/v1.json"
REDOCLY_CLI="@redocly/cli@2.77.0"
APT_PACKAGES=(chromium fonts-wqy-microhei postgresql)
PG_BIN="/usr/lib/postgresql/15/bin"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export REDOCLY_TELEMETRY=off
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true

section() { printf '\n== %s ==\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

failed_checks=()   # names of failed non-test checks (each counts as one failure)
fail_check() { failed_checks+=("$1"); printf 'FAILED: %s\n' "$1"; }

# ---------------------------------------------------------------------------
section "prerequisites"

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# apt may be busy (e.g. an install running in the background): wait for it.
apt_retry() {
  local i
  for i in $(seq 1 30); do
    if apt-get -o DPkg::Lock::Timeout=600 "$@"; then return 0; fi
    echo "apt-get $1 failed (attempt $i), retrying in 10 s (apt may be locked) ..."
    sleep 10
  done
  return 1
}

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    is_installed "$pkg" || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
      die "missing packages: ${missing[*]}. Install them first:
  sudo apt-get update && sudo apt-get install -y ${missing[*]}
or run this script as root."
    fi
    echo "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt_retry update -q || die "apt-get update failed"
    apt_retry install -y -q "${missing[@]}" || die "apt-get install ${missing[*]} failed"
  else
    echo "apt packages present: ${APT_PACKAGES[*]}"
  fi
else
  echo "dpkg not found: not a Debian machine, not installing anything"
fi

command -v dotnet >/dev/null 2>&1 || die "dotnet SDK not found on PATH"
[ -x "$PG_BIN/initdb" ] || die "PostgreSQL 15 not found in $PG_BIN (apt-get install postgresql)"
[ -x /usr/bin/chromium ] || echo "warning: /usr/bin/chromium not found; end-to-end tests will fail"

# ---------------------------------------------------------------------------
section "postgresql"

PG_TMP="$(mktemp -d "${TMPDIR:-/tmp}/cp-test-pg.XXXXXX")" || die "mktemp failed"
chmod 755 "$PG_TMP"   # the postgres user must be able to enter it
PG_DATA="$PG_TMP/data"
PG_SOCK="$PG_TMP/sock"
PG_LOG="$PG_TMP/postgres.log"
PG_SETUP_LOG="$PG_TMP/setup.log"
PG_STARTED=0

# Run initdb/pg_ctl as the postgres OS user when we are root (PostgreSQL refuses
# to run as root); otherwise as the current user.
PG_AS_POSTGRES=0
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user to run PostgreSQL"
  PG_AS_POSTGRES=1
fi

as_pg() {
  if [ "$PG_AS_POSTGRES" -eq 1 ]; then
    if command -v runuser >/dev/null 2>&1; then
      (cd "$PG_TMP" && runuser -u postgres -- "$@")
    else
      (cd "$PG_TMP" && su -s /bin/sh postgres -c "$(printf '%q ' "$@")")
    fi
  else
    (cd "$PG_TMP" && "$@")
  fi
}

cleanup() {
  if [ "$PG_STARTED" -eq 1 ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -t 30 stop >>"$PG_SETUP_LOG" 2>&1 ||
      as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >>"$PG_SETUP_LOG" 2>&1 || true
  fi
  rm -rf "$PG_TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

print_pg_logs() {
  echo "---- PostgreSQL setup log ----"
  cat "$PG_SETUP_LOG" 2>/dev/null
  echo "---- PostgreSQL server log ----"
  cat "$PG_LOG" 2>/dev/null
  echo "------------------------------"
}

port_in_use() {
  # A successful connect means something listens there.
  timeout 1 bash -c ": >/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

free_port() {
  local p i
  for i in $(seq 1 200); do
    p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if ! port_in_use "$p"; then echo "$p"; return 0; fi
  done
  return 1
}

mkdir -p "$PG_DATA" "$PG_SOCK"
touch "$PG_LOG" "$PG_SETUP_LOG"
if [ "$PG_AS_POSTGRES" -eq 1 ]; then
  chown postgres: "$PG_DATA" "$PG_SOCK" "$PG_LOG"
fi
chmod 700 "$PG_DATA"

if ! as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    >>"$PG_SETUP_LOG" 2>&1; then
  print_pg_logs
  die "initdb failed"
fi

PG_PORT=""
for attempt in 1 2 3 4 5; do
  port="$(free_port)" || break
  if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_SOCK -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >>"$PG_SETUP_LOG" 2>&1; then
    PG_PORT="$port"
    PG_STARTED=1
    break
  fi
  echo "PostgreSQL did not start on port $port (attempt $attempt)"
done
if [ -z "$PG_PORT" ]; then
  print_pg_logs
  die "could not start PostgreSQL"
fi

if ! "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atqc 'select 1' >>"$PG_SETUP_LOG" 2>&1; then
  print_pg_logs
  die "PostgreSQL started but does not answer on 127.0.0.1:$PG_PORT"
fi
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (data in $PG_DATA)"

export CP_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
export CP_REQUIRE_POSTGRES=1
export PLAYWRIGHT_CHROMIUM_EXECUTABLE="${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-/usr/bin/chromium}"

# ---------------------------------------------------------------------------
section "tool restore"
build_ok=1
if ! dotnet tool restore; then
  fail_check "dotnet tool restore"
fi

# ---------------------------------------------------------------------------
section "format"
format_out="$(dotnet format "$SOLUTION" --verify-no-changes --exclude '**/Migrations/**' 2>&1)"
format_rc=$?
[ -n "$format_out" ] && printf '%s\n' "$format_out"
if [ "$format_rc" -ne 0 ]; then
  fail_check "dotnet format --verify-no-changes (exit $format_rc; fix with: dotnet format $SOLUTION --exclude '**/Migrations/**')"
else
  echo "format OK"
fi

# ---------------------------------------------------------------------------
section "build"
if ! dotnet build "$SOLUTION" -c Release; then
  build_ok=0
  fail_check "dotnet build"
fi

# ---------------------------------------------------------------------------
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"
rm -f "$OPENAPI_DOC"   # must be written by this run's tests, never a stale copy

# Value of attribute $2 of the <Counters .../> element in TRX file $1 (0 if absent).
trx_counter() {
  local v
  v="$(grep -o '<Counters [^>]*>' "$1" | head -n 1 | sed -n "s/.* $2=\"\([0-9]*\)\".*/\1/p")"
  echo "${v:-0}"
}

if [ "$build_ok" -eq 1 ]; then
  for proj in "${TEST_PROJECTS[@]}"; do
    name="$(basename "$proj" .csproj)"
    section "test: $name"
    if [ ! -f "$proj" ]; then
      fail_check "test project $proj not found"
      continue
    fi
    dotnet test "$proj" -c Release --no-build \
      --logger "trx;LogFileName=$name.trx" \
      --results-directory "$RESULTS_DIR" \
      --blame-hang-timeout 20m --blame-hang-dump-type none
    rc=$?
    trx="$RESULTS_DIR/$name.trx"
    if [ "$rc" -ne 0 ]; then
      if [ ! -f "$trx" ]; then
        fail_check "dotnet test $name exited $rc and wrote no TRX"
      elif [ "$(trx_counter "$trx" failed)" -eq 0 ] && [ "$(trx_counter "$trx" error)" -eq 0 ] &&
           [ "$(trx_counter "$trx" timeout)" -eq 0 ]; then
        fail_check "dotnet test $name exited $rc without a failed test in its TRX (crash or abort?)"
      fi
    fi
  done
else
  section "test"
  echo "skipped: the build failed"
fi

# ---------------------------------------------------------------------------
section "openapi lint"
if [ "$build_ok" -ne 1 ]; then
  echo "skipped: the build failed"
elif [ ! -f "$OPENAPI_DOC" ]; then
  fail_check "OpenAPI lint: $OPENAPI_DOC was not written (a test must export the OpenAPI document there)"
elif ! command -v npx >/dev/null 2>&1; then
  fail_check "OpenAPI lint: npx (Node.js) not found"
elif npx --yes "$REDOCLY_CLI" lint "$OPENAPI_DOC" --format=stylish --config "$ROOT/redocly.yaml" </dev/null; then
  echo "OpenAPI lint OK"
else
  fail_check "OpenAPI lint ($REDOCLY_CLI lint $OPENAPI_DOC)"
fi

# ---------------------------------------------------------------------------
section "summary"

if [ "$PG_STARTED" -eq 1 ] && ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
  echo "PostgreSQL is no longer running:"
  print_pg_logs
  fail_check "PostgreSQL died during the run"
fi

total=0 executed=0 passed=0 failed=0
shopt -s nullglob
for trx in "$RESULTS_DIR"/*.trx; do
  t="$(trx_counter "$trx" total)"
  e="$(trx_counter "$trx" executed)"
  p="$(trx_counter "$trx" passed)"
  f=$(( $(trx_counter "$trx" failed) + $(trx_counter "$trx" error) + $(trx_counter "$trx" timeout) ))
  printf '%-40s total=%s executed=%s passed=%s failed=%s\n' "$(basename "$trx" .trx)" "$t" "$e" "$p" "$f"
  total=$((total + t)); executed=$((executed + e)); passed=$((passed + p)); failed=$((failed + f))
done
shopt -u nullglob

# Name every failed test (and the first line of its message) so a run's short log says which one broke.
shopt -s nullglob
for trx in "$RESULTS_DIR"/*.trx; do
  awk '
    /<UnitTestResult / && /outcome="(Failed|Error|Timeout)"/ {
      name = $0; sub(/.*testName="/, "", name); sub(/".*/, "", name); want = 1; next
    }
    want && /<Message>/ {
      msg = $0; sub(/.*<Message>/, "", msg); sub(/<\/Message>.*/, "", msg)
      printf "FAILED %s\n  %s\n", name, substr(msg, 1, 400); want = 0
    }
  ' "$trx"
done
shopt -u nullglob

not_run=$((total - executed))
[ "$not_run" -gt 0 ] && echo "$not_run test(s) not executed (skipped)"
if [ "${#failed_checks[@]}" -gt 0 ]; then
  echo "failed checks:"
  printf '  - %s\n' "${failed_checks[@]}"
fi
echo "TRX files: $RESULTS_DIR (took ${SECONDS}s)"

failed=$((failed + ${#failed_checks[@]}))
echo "$passed passed, $failed failed"

if [ "$executed" -eq 0 ]; then
  echo "ERROR: no test was executed" >&2
  exit 1
fi
[ "$failed" -eq 0 ]
