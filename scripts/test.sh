#!/usr/bin/env bash
# scripts/test.sh — THE test command of Jiayuan.
#
#   ./scripts/test.sh                      # everything
#   ./scripts/test.sh --filter Name~Notice # extra args go to both `dotnet test` runs
#   SKIP_PG=1 ./scripts/test.sh            # SQLite pass only
#
# What it does:
#   1. installs Chromium + CJK fonts (Debian) for the browser tests, and starts a
#      private redis-server (Debian) for the alert scale-out tests (stopped on exit),
#   2. builds Jiayuan.slnx once (Release),
#   3. runs the whole suite against SQLite (JIAYUAN_TEST_PG unset),
#   4. unless SKIP_PG=1, starts a private PostgreSQL 15 on 127.0.0.1 and runs
#      the same suite again with JIAYUAN_TEST_PG set (Npgsql connection string),
#   5. sums the counters of every .trx file and prints, as the very last line,
#      `N passed, N failed`.
# Both passes always run; the exit code is non-zero if any test failed, any
# dotnet command failed, or no test ran at all.
set -euo pipefail

# Work from the repository root whatever the caller's directory.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$(pwd)

source "${REPO_ROOT}/scripts/services.sh"

# Stop PostgreSQL and Redis however we leave (normal exit, error, Ctrl-C, SIGTERM).
trap 'pg_stop; redis_stop' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

SOLUTION="Jiayuan.slnx"
RESULTS_ROOT="${REPO_ROOT}/artifacts/test-results"

# Old results would be counted again: start clean.
rm -rf "${RESULTS_ROOT}"
mkdir -p "${RESULTS_ROOT}"

# Names of the passes that ran, and those whose `dotnet test` exited non-zero.
PASSES=()
DOTNET_FAILURES=()

# ---------------------------------------------------------------------------
# TRX parsing. A .trx file holds one line like
#   <Counters total="12" executed="12" passed="11" failed="1" error="0" .../>
# under <ResultSummary>. Plain grep/awk so only the .NET SDK is needed.
# ---------------------------------------------------------------------------

# trx_attr FILE NAME — value of attribute NAME of the <Counters> element (0 if absent).
# The leading space in the pattern keeps `passed` from matching `passedButRunAborted`.
trx_attr() {
  local value
  value=$(grep -o '<Counters [^>]*>' "$1" | head -n 1 \
          | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9][0-9]*' || true)
  printf '%s\n' "${value:-0}"
}

# sum_trx DIR — print "passed failed skipped files" summed over DIR/**/*.trx.
# failed counts failed + error + timeout + aborted outcomes; skipped is
# total - executed (tests that were not executed, e.g. [Fact(Skip=...)]).
sum_trx() {
  local dir=$1 passed=0 failed=0 skipped=0 files=0 f total executed
  while IFS= read -r -d '' f; do
    files=$((files + 1))
    total=$(trx_attr "$f" total)
    executed=$(trx_attr "$f" executed)
    passed=$((passed + $(trx_attr "$f" passed)))
    failed=$((failed + $(trx_attr "$f" failed) + $(trx_attr "$f" error) \
              + $(trx_attr "$f" timeout) + $(trx_attr "$f" aborted)))
    skipped=$((skipped + total - executed))
  done < <(find "${dir}" -name '*.trx' -type f -print0 2>/dev/null)
  printf '%s %s %s %s\n' "${passed}" "${failed}" "${skipped}" "${files}"
}

# run_pass NAME [dotnet test args...] — run the suite once, results in
# artifacts/test-results/NAME. Never aborts the script on failure.
run_pass() {
  local name=$1
  shift
  PASSES+=("${name}")
  echo "==> test pass: ${name}"
  if ! dotnet test "${SOLUTION}" -c Release --no-build \
      --logger "trx" --results-directory "${RESULTS_ROOT}/${name}" "$@"; then
    DOTNET_FAILURES+=("${name}")
  fi
}

# ---------------------------------------------------------------------------
# 1. Services and build
# ---------------------------------------------------------------------------
echo "==> ensuring Chromium and CJK fonts"
ensure_browser

# The alert scale-out tests run two app instances on one redis-server (JIAYUAN_TEST_REDIS).
echo "==> starting redis-server"
redis_start

echo "==> dotnet build ${SOLUTION} -c Release"
if ! dotnet build "${SOLUTION}" -c Release; then
  echo "build failed" >&2
  exit 1
fi

# ---------------------------------------------------------------------------
# 2. SQLite pass (no PostgreSQL connection string in the environment)
# ---------------------------------------------------------------------------
# The tests choose PostgreSQL when JIAYUAN_TEST_PG is set: make sure a value
# inherited from the caller's environment cannot leak into this pass.
unset JIAYUAN_TEST_PG
run_pass sqlite "$@"

# ---------------------------------------------------------------------------
# 3. PostgreSQL pass
# ---------------------------------------------------------------------------
if [[ "${SKIP_PG:-0}" == "1" ]]; then
  echo "==> SKIP_PG=1: PostgreSQL pass skipped"
else
  if pg_start; then
    run_pass postgres "$@"
    pg_stop
  else
    echo "could not start PostgreSQL" >&2
    PASSES+=("postgres")
    DOTNET_FAILURES+=("postgres")
  fi
fi

# ---------------------------------------------------------------------------
# 4. Summary
# ---------------------------------------------------------------------------
total_passed=0
total_failed=0
total_skipped=0
echo
echo "==> summary"
for name in "${PASSES[@]}"; do
  read -r p f s n < <(sum_trx "${RESULTS_ROOT}/${name}")
  line="${name}: ${p} passed, ${f} failed"
  if [[ ${s} -gt 0 ]]; then
    line+=", ${s} skipped"
  fi
  if [[ ${n} -eq 0 ]]; then
    line+=" (no .trx results found)"
  fi
  echo "${line}"
  total_passed=$((total_passed + p))
  total_failed=$((total_failed + f))
  total_skipped=$((total_skipped + s))
done

status=0
if [[ ${#DOTNET_FAILURES[@]} -gt 0 ]]; then
  echo "dotnet test exited non-zero in: ${DOTNET_FAILURES[*]}"
  status=1
fi
if [[ $((total_passed + total_failed)) -eq 0 ]]; then
  echo "no test ran"
  status=1
fi
if [[ ${total_failed} -gt 0 ]]; then
  status=1
fi
if [[ ${total_skipped} -gt 0 ]]; then
  echo "${total_skipped} skipped in total"
fi

# The very last line: totals over all passes.
echo "${total_passed} passed, ${total_failed} failed"
exit "${status}"
