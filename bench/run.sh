#!/usr/bin/env bash
# bench/run.sh — Jiayuan's HTTP benchmark. Not part of the tests; run it by hand:
#
#   ./bench/run.sh                  # ceiling + cold start + every URL below
#   ./bench/run.sh --plaintext-only # only the machine's Kestrel ceiling
#   ./bench/run.sh --strict         # exit 3 when a target is missed
#
# Environment knobs: BENCH_RUNS (default 3), BENCH_DURATION (10s),
# BENCH_WARMUP (5s), BENCH_CONNECTIONS (64), BENCH_THREADS (2).
#
# Steps:
#   1. plaintext ceiling: bench/plaintext (minimal Kestrel app) on 127.0.0.1:5099,
#      wrk run BENCH_RUNS times, median req/s;
#   2. Jiayuan: `dotnet publish src/Jiayuan.Web` to artifacts/bench/app, started
#      on 127.0.0.1:5098 with a fresh SQLite database; cold start = process start
#      until the first 200 on `/`; then restarted on the same (now existing)
#      database and timed again;
#   3. each URL of BENCH_URLS: wrk BENCH_RUNS times, median req/s and median p99,
#      compared with the ceiling and the URL's targets;
#   4. a markdown report appended to bench/results/YYYY-MM-DD-HHMM.md and printed.
# Everything it starts is stopped on exit. Only 127.0.0.1 is ever loaded.
set -euo pipefail

# ---------------------------------------------------------------------------
# URLs to measure, one per line:  "PATH  MIN_PCT  MAX_P99_MS  DESCRIPTION"
#   MIN_PCT    — target: median req/s at least this % of the plaintext ceiling
#   MAX_P99_MS — target: median p99 latency at most this many ms ("-" = none)
# Later benchmarks: add a line here.
# ---------------------------------------------------------------------------
BENCH_URLS=(
  "/c/510107063001     20  30  community home page, anonymous HTML"
  "/api/v1/notices/1   25  -   one notice, JSON API"
  "/api/v1/party/stats?scope=510107063&year=2018  0  100  Party statistics of the subdistrict (demo scale)"
)

RUNS="${BENCH_RUNS:-3}"
DURATION="${BENCH_DURATION:-10s}"
WARMUP="${BENCH_WARMUP:-5s}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
THREADS="${BENCH_THREADS:-2}"
PLAINTEXT_PORT=5099
APP_PORT=5098

PLAINTEXT_ONLY=""
STRICT=""
for arg in "$@"; do
  case "${arg}" in
    --plaintext-only) PLAINTEXT_ONLY=1 ;;
    --strict) STRICT=1 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "unknown argument: ${arg} (try --help)" >&2; exit 2 ;;
  esac
done

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$(pwd)
source "${REPO_ROOT}/scripts/services.sh"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Scratch dir (logs, the bench database) and the servers we started.
TMP=$(mktemp -d "${TMPDIR:-/tmp}/jiayuan-bench.XXXXXX")
SERVER_PIDS=()

# stop_server PID — SIGTERM, then SIGKILL after 10 s.
stop_server() {
  local pid=$1 i
  kill -TERM "${pid}" 2>/dev/null || return 0
  for i in $(seq 1 100); do
    kill -0 "${pid}" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "${pid}" 2>/dev/null || true
  wait "${pid}" 2>/dev/null || true
}

cleanup() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do
    stop_server "${pid}"
  done
  rm -rf "${TMP}"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Milliseconds since the epoch.
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# fail if something already listens on 127.0.0.1:$1 (we would measure it instead).
require_free_port() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    die "port $1 is already in use on 127.0.0.1"
  fi
}

# HTTP status of GET $1 ("000" when nothing answers).
http_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" || true
}

# wait_for_200 URL PID LOG — poll every 20 ms until URL answers 200; fail if the
# process dies or 120 s pass.
wait_for_200() {
  local url=$1 pid=$2 logfile=$3 deadline status
  deadline=$(( $(now_ms) + 120000 ))
  while true; do
    status=$(http_status "${url}")
    [[ "${status}" == "200" ]] && return 0
    if ! kill -0 "${pid}" 2>/dev/null; then
      log "server exited before answering ${url}; its log:"
      tail -n 40 "${logfile}" >&2
      exit 1
    fi
    if [[ $(now_ms) -gt ${deadline} ]]; then
      log "no 200 from ${url} within 120 s (last status ${status}); server log:"
      tail -n 40 "${logfile}" >&2
      exit 1
    fi
    sleep 0.02
  done
}

# median of the numbers given as arguments.
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 }
    END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# wrk_once URL DURATION — one wrk run; prints "REQ_PER_SEC P99_MS BAD" where BAD
# counts non-2xx/3xx responses plus socket errors. Full output kept in $TMP.
wrk_once() {
  local url=$1 duration=$2 out
  out=$(mktemp "${TMP}/wrk.XXXXXX")
  wrk -t"${THREADS}" -c"${CONNECTIONS}" -d"${duration}" --latency "${url}" >"${out}" 2>&1 \
    || { cat "${out}" >&2; die "wrk failed on ${url}"; }
  awk '
    # "Requests/sec:  12345.67"
    /^Requests\/sec:/ { rps = $2 }
    # latency distribution line "     99%    3.21ms" (units us, ms, s, m)
    $1 == "99%" && !p99 {
      v = $2; unit = v; sub(/^[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
      f = (unit == "us") ? 0.001 : (unit == "ms") ? 1 : (unit == "s") ? 1000 : (unit == "m") ? 60000 : 1
      p99 = v * f
    }
    /Non-2xx or 3xx responses:/ { bad += $NF }
    /Socket errors:/ { gsub(/,/, ""); bad += $4 + $6 + $8 + $10 }
    END { printf "%s %.2f %d\n", rps, p99, bad }
  ' "${out}"
}

# measure URL — warm up, then RUNS timed runs. Sets M_RPS, M_P99 (medians),
# M_ALL_RPS (each run) and M_BAD (bad responses over all runs).
measure() {
  local url=$1 i result rps p99 bad note rps_list=() p99_list=()
  log "warming up ${url} (${WARMUP})"
  wrk_once "${url}" "${WARMUP}" >/dev/null
  M_BAD=0
  for i in $(seq 1 "${RUNS}"); do
    result=$(wrk_once "${url}" "${DURATION}")
    read -r rps p99 bad <<<"${result}"
    [[ -n "${rps}" ]] || die "could not read wrk's output for ${url}"
    note=""
    if [[ ${bad} -gt 0 ]]; then
      note=", ${bad} bad responses/socket errors"
    fi
    log "  run ${i}/${RUNS}: ${rps} req/s, p99 ${p99} ms${note}"
    rps_list+=("${rps}")
    p99_list+=("${p99}")
    M_BAD=$((M_BAD + bad))
  done
  M_RPS=$(median "${rps_list[@]}")
  M_P99=$(median "${p99_list[@]}")
  M_ALL_RPS="${rps_list[*]}"
}

# ---------------------------------------------------------------------------
# Report header
# ---------------------------------------------------------------------------
ensure_apt wrk curl

STAMP=$(date -u +%Y-%m-%d-%H%M)
RESULTS_FILE="${REPO_ROOT}/bench/results/${STAMP}.md"
mkdir -p "${REPO_ROOT}/bench/results"
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
COMMIT=$(git -C "${REPO_ROOT}" rev-parse --short HEAD 2>/dev/null || echo "none yet")
if [[ -n "$(git -C "${REPO_ROOT}" status --porcelain 2>/dev/null | head -n 1)" ]]; then
  COMMIT+=" (with uncommitted changes)"
fi
REPORT="${TMP}/report.md"
{
  echo "## Bench run $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "- machine: nproc $(nproc), ${CPU_MODEL:-unknown CPU}, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "- .NET SDK $(dotnet --version), commit ${COMMIT}"
  echo "- load: wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION} --latency, ${WARMUP} warm-up, median of ${RUNS} runs; wrk and the server share the machine"
} >"${REPORT}"

# ---------------------------------------------------------------------------
# 1. Plaintext ceiling
# ---------------------------------------------------------------------------
log "building bench/plaintext"
dotnet build "${REPO_ROOT}/bench/plaintext/Plaintext.csproj" -c Release -nologo -v quiet \
  >"${TMP}/plaintext-build.log" 2>&1 || { cat "${TMP}/plaintext-build.log" >&2; die "plaintext build failed"; }
PLAINTEXT_DLL="${REPO_ROOT}/bench/plaintext/bin/Release/net10.0/Plaintext.dll"

require_free_port "${PLAINTEXT_PORT}"
ASPNETCORE_ENVIRONMENT=Production dotnet "${PLAINTEXT_DLL}" \
  --urls "http://127.0.0.1:${PLAINTEXT_PORT}" >"${TMP}/plaintext.log" 2>&1 &
PLAINTEXT_PID=$!
SERVER_PIDS+=("${PLAINTEXT_PID}")
wait_for_200 "http://127.0.0.1:${PLAINTEXT_PORT}/plaintext" "${PLAINTEXT_PID}" "${TMP}/plaintext.log"

log "plaintext ceiling"
measure "http://127.0.0.1:${PLAINTEXT_PORT}/plaintext"
CEILING="${M_RPS}"
stop_server "${PLAINTEXT_PID}"
echo "- plaintext ceiling (bench/plaintext, GET /plaintext): **${CEILING} req/s** (runs: ${M_ALL_RPS}), p99 ${M_P99} ms" >>"${REPORT}"
if [[ ${M_BAD} -gt 0 ]]; then
  echo "- warning: ${M_BAD} bad responses / socket errors during the plaintext runs" >>"${REPORT}"
fi

# ---------------------------------------------------------------------------
# 2. Jiayuan: publish, cold starts
# ---------------------------------------------------------------------------
MISSED=0
if [[ -z "${PLAINTEXT_ONLY}" ]]; then
  [[ -d "${REPO_ROOT}/src/Jiayuan.Web" ]] || die "src/Jiayuan.Web not found (use --plaintext-only)"
  APP_DIR="${REPO_ROOT}/artifacts/bench/app"
  log "publishing src/Jiayuan.Web to artifacts/bench/app"
  rm -rf "${APP_DIR}"
  dotnet publish "${REPO_ROOT}/src/Jiayuan.Web" -c Release -o "${APP_DIR}" -nologo -v quiet \
    >"${TMP}/publish.log" 2>&1 || { cat "${TMP}/publish.log" >&2; die "publish failed"; }

  # The apphost (./Jiayuan.Web) when publish made one, else `dotnet Jiayuan.Web.dll`.
  if [[ -x "${APP_DIR}/Jiayuan.Web" ]]; then
    APP_CMD=(./Jiayuan.Web)
  else
    APP_CMD=(dotnet Jiayuan.Web.dll)
  fi
  APP_URL="http://127.0.0.1:${APP_PORT}"
  mkdir -p "${TMP}/data"

  # start_app LOG — start the published app in the background; sets APP_PID.
  start_app() {
    require_free_port "${APP_PORT}"
    (
      cd "${APP_DIR}"
      exec env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
        ConnectionStrings__Jiayuan="Data Source=${TMP}/data/bench.db" \
        "${APP_CMD[@]}" --urls "${APP_URL}"
    ) >"$1" 2>&1 &
    APP_PID=$!
    SERVER_PIDS+=("${APP_PID}")
  }

  # Cold start on a fresh database, then again on the database it created.
  for which in fresh existing; do
    t0=$(now_ms)
    start_app "${TMP}/app-${which}.log"
    wait_for_200 "${APP_URL}/" "${APP_PID}" "${TMP}/app-${which}.log"
    elapsed=$(( $(now_ms) - t0 ))
    log "cold start (${which} database): ${elapsed} ms"
    if [[ "${which}" == "fresh" ]]; then
      echo "- cold start, fresh database (process start → first 200 on /): **${elapsed} ms**" >>"${REPORT}"
      stop_server "${APP_PID}"
    else
      echo "- cold start, with existing database: **${elapsed} ms**" >>"${REPORT}"
    fi
  done

  # -------------------------------------------------------------------------
  # 3. URLs (on the second, still running instance)
  # -------------------------------------------------------------------------
  {
    echo
    echo "| URL | median req/s | % of plaintext ceiling | p99 (median) | target | met |"
    echo "| --- | ---: | ---: | ---: | --- | --- |"
  } >>"${REPORT}"
  for line in "${BENCH_URLS[@]}"; do
    read -r path min_pct max_p99 description <<<"${line}"
    target="≥${min_pct}% of ceiling"
    if [[ "${max_p99}" != "-" ]]; then
      target+=", p99 ≤${max_p99} ms"
    fi

    status=$(http_status "${APP_URL}${path}")
    if [[ "${status}" != "200" ]]; then
      log "${path} answers HTTP ${status}, not measured"
      echo "| \`${path}\` | – | – | – | ${target} | no: HTTP ${status} |" >>"${REPORT}"
      MISSED=$((MISSED + 1))
      continue
    fi

    log "${path} (${description})"
    measure "${APP_URL}${path}"
    pct=$(awk -v a="${M_RPS}" -v c="${CEILING}" 'BEGIN { printf "%.1f", (c > 0) ? 100 * a / c : 0 }')
    met="yes"
    awk -v p="${pct}" -v m="${min_pct}" 'BEGIN { exit !(p >= m) }' || met="no"
    if [[ "${max_p99}" != "-" ]]; then
      awk -v p="${M_P99}" -v m="${max_p99}" 'BEGIN { exit !(p <= m) }' || met="no"
    fi
    if [[ ${M_BAD} -gt 0 ]]; then
      met="no: ${M_BAD} bad responses"
    fi
    [[ "${met}" == "yes" ]] || MISSED=$((MISSED + 1))
    echo "| \`${path}\` | ${M_RPS} | ${pct}% | ${M_P99} ms | ${target} | ${met} |" >>"${REPORT}"
  done
  stop_server "${APP_PID}"
fi

# ---------------------------------------------------------------------------
# 4. Save and print
# ---------------------------------------------------------------------------
if [[ -s "${RESULTS_FILE}" ]]; then
  echo >>"${RESULTS_FILE}"
fi
cat "${REPORT}" >>"${RESULTS_FILE}"
echo
cat "${REPORT}"
echo
log "appended to ${RESULTS_FILE#"${REPO_ROOT}"/}"

if [[ -n "${STRICT}" && ${MISSED} -gt 0 ]]; then
  log "${MISSED} target(s) missed"
  exit 3
fi
