#!/usr/bin/env bash
# bench/demands.sh — the numbers of issue #4 (Demands). Not a test; run it by hand:
#
#   ./bench/demands.sh                 # 1,000,000 generated demands
#   DEMANDS=200000 ./bench/demands.sh  # a smaller set
#   DEMANDS=0 ./bench/demands.sh       # only the ceiling, the submissions and the raw baseline (no report file)
#
# In one run, on this machine:
#   1. the plaintext ceiling (bench/plaintext, wrk -t2 -c64, median of 3);
#   2. durable submissions: POST /api/v1/demands (JSON, bearer token) with wrk -t2 -c32 for 10 s, 3 runs, median req/s;
#      every 201 is checked against the rows in the database afterwards;
#   3. the raw baseline: bench/sqliteraw inserting one row per transaction into a copy of the same database
#      (same table and indexes, WAL + synchronous=FULL as the app), 3 runs, median rows/s;
#   4. `seed demands` adds DEMANDS generated demands over the last 365 days; then
#      GET /open311/v2/requests.json (last 90 days, first 1000) with wrk -c8: median p95 of 3 runs;
#      GET /open311/v2/requests/{id}.json (public detail) and GET /api/v1/demands/{id} (staff) with wrk -c64: median req/s
#      as a share of the ceiling;
#      GET /api/v1/demands/metrics (the subdistrict's month, computed each time): p50/p95 of 20 sequential requests.
# A report is appended to bench/results/. Everything started is stopped on exit. Only 127.0.0.1 is loaded.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/services.sh
ensure_apt wrk curl

DEMANDS="${DEMANDS:-1000000}"
PORT=5097
PT_PORT=5099
WORK=$(mktemp -d /tmp/jiayuan-demands.XXXXXX)
APP_DIR=artifacts/bench/app
SERVER_PID=""
PT_PID=""
stop_server() { [[ -n "${SERVER_PID}" ]] && kill "${SERVER_PID}" 2>/dev/null && wait "${SERVER_PID}" 2>/dev/null || true; SERVER_PID=""; }
cleanup() { stop_server; [[ -n "${PT_PID}" ]] && kill "${PT_PID}" 2>/dev/null || true; rm -rf "${WORK}"; }
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
export ConnectionStrings__Jiayuan="Data Source=${WORK}/demands.db" DataDirectory="${WORK}"
export RateLimits__DemandsPerMinute=100000000 RateLimits__LoginPerMinute=1000

echo "[demands] building"
dotnet publish src/Jiayuan.Web -c Release -o "${APP_DIR}" >/dev/null
dotnet build bench/plaintext/Plaintext.csproj -c Release -v quiet >/dev/null
dotnet build bench/sqliteraw/SqliteRaw.csproj -c Release -v quiet >/dev/null

wait_up() { for _ in $(seq 1 600); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "[demands] $1 did not answer" >&2; exit 1; }
start_server() {
  (cd "${APP_DIR}" && exec ./Jiayuan.Web --urls "http://127.0.0.1:${PORT}" >>"${WORK}/server.log" 2>&1) &
  SERVER_PID=$!
  wait_up "http://127.0.0.1:${PORT}/readyz"
}
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; printf "%.2f", v}' <<<"$1"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# wrk script: optional POST body with a counter, bearer token from $TOKEN, p95 printed at the end.
cat >"${WORK}/wrk.lua" <<'LUA'
local token = os.getenv("TOKEN")
local post = os.getenv("POST") == "1"
local n = 0
if token and #token > 0 then wrk.headers["Authorization"] = "Bearer " .. token end
if post then
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end
request = function()
  if post then
    n = n + 1
    return wrk.format(nil, nil, nil, '{"category":"NOISE","description":"基准提交 ' .. n .. ' ' .. math.random(1e9) .. '","address":"府城社区"}')
  end
  return wrk.format()
end
done = function(summary, latency, requests)
  io.write(string.format("P95 %.2f\n", latency:percentile(95) / 1000))
  io.write(string.format("NON2XX %d\n", summary.errors.status))
  io.write(string.format("OK %d\n", summary.requests - summary.errors.status - summary.errors.connect - summary.errors.read - summary.errors.write - summary.errors.timeout))
end
LUA

# run URL CONNECTIONS → "rps p95ms non2xx" (median of 3 by req/s)
run() {
  local url=$1 c=$2 lines=()
  wrk -t2 -c"${c}" -d3s -s "${WORK}/wrk.lua" "${url}" | awk '/^OK/{print $2}' >>"${WORK}/ok.txt"
  for _ in 1 2 3; do
    out=$(wrk -t2 -c"${c}" -d10s -s "${WORK}/wrk.lua" "${url}")
    awk '/^OK/{print $2}' <<<"${out}" >>"${WORK}/ok.txt"
    lines+=("$(awk '/Requests\/sec/{print $2}' <<<"${out}") $(awk '/^P95/{print $2}' <<<"${out}") $(awk '/^NON2XX/{print $2}' <<<"${out}")")
  done
  printf '%s\n' "${lines[@]}" | sort -n -k1 | sed -n 2p
}

echo "[demands] plaintext ceiling"
(cd bench/plaintext/bin/Release/net10.0 && exec dotnet Plaintext.dll --urls "http://127.0.0.1:${PT_PORT}" >"${WORK}/pt.log" 2>&1) &
PT_PID=$!
wait_up "http://127.0.0.1:${PT_PORT}/plaintext"
read -r ceiling _ _ <<<"$(TOKEN= POST=0 run "http://127.0.0.1:${PT_PORT}/plaintext" 64)"
kill "${PT_PID}"; PT_PID=""

echo "[demands] durable submissions"
start_server
login() { curl -fs -H 'Content-Type: application/json' -d "{\"login\":\"$1\",\"password\":\"jiayuan2018\"}" "http://127.0.0.1:${PORT}/api/v1/auth/login" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'; }
RESIDENT=$(login jumin)
count() { sqlite3 "${WORK}/demands.db" "SELECT COUNT(*) FROM demands_demands WHERE \"Description\" LIKE '基准提交%'"; }
ensure_apt sqlite3
before=$(count)
: >"${WORK}/ok.txt"
read -r submit_rps submit_p95 submit_non2xx <<<"$(TOKEN=${RESIDENT} POST=1 run "http://127.0.0.1:${PORT}/api/v1/demands" 32)"
stop_server
after=$(count)
# wrk's totals are per run; the rows include the warm-up and all three runs. Check only that no 201 was an error and no row is missing a 201:
submitted_rows=$(( after - before ))
acknowledged=$(awk '{s+=$1} END {print s}' "${WORK}/ok.txt")

echo "[demands] raw SQLite baseline"
raws=()
for _ in 1 2 3; do
  cp "${WORK}/demands.db" "${WORK}/raw.db"; rm -f "${WORK}/raw.db-wal" "${WORK}/raw.db-shm"
  raws+=("$(dotnet bench/sqliteraw/bin/Release/net10.0/SqliteRaw.dll "${WORK}/raw.db" 10)")
done
raw_rps=$(printf '%s\n' "${raws[@]}" | median)

if [[ "${DEMANDS}" == "0" ]]; then
  pct() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f", 100*a/b}'; }
  report="bench/results/$(date -u +%Y-%m-%d-%H%M)-demands-submit.md"
  {
    echo "## Demand submissions (issue #4), $(date -u '+%Y-%m-%d %H:%M') UTC"
    echo
    echo "- machine: nproc $(nproc); plaintext ceiling **${ceiling} req/s**; SQLite WAL + synchronous=FULL"
    echo "- POST /api/v1/demands, 32 clients, median of 3 × 10 s: **${submit_rps}/s**, p95 ${submit_p95} ms, non-201 ${submit_non2xx}"
    echo "- raw Microsoft.Data.Sqlite loop, 1 row/transaction, same table and pragmas: ${raw_rps} rows/s → submissions = **$(pct "${submit_rps}" "${raw_rps}") %** of it"
    echo "- 201 responses / rows stored: ${acknowledged} / ${submitted_rows}"
  } | tee -a "${report}"
  exit 0
fi
echo "[demands] generating ${DEMANDS} demands"
gen_start=$(date +%s)
(cd "${APP_DIR}" && ./Jiayuan.Web seed demands --count "${DEMANDS}" --days 365 | tail -1)
gen_s=$(( $(date +%s) - gen_start ))
start_server
STAFF=$(login jiedao)
some_id=$(sqlite3 "${WORK}/demands.db" "SELECT MAX(\"Id\") FROM demands_demands")
total=$(sqlite3 "${WORK}/demands.db" "SELECT COUNT(*) FROM demands_demands")
returned=$(curl -fs "http://127.0.0.1:${PORT}/open311/v2/requests.json" | grep -o '"service_request_id"' | wc -l)

echo "[demands] Open311 search"
read -r list_rps list_p95 _ <<<"$(TOKEN= POST=0 run "http://127.0.0.1:${PORT}/open311/v2/requests.json" 8)"
# The list is output-cached until a demand changes; the first request after a change computes it. 20 sequential requests
# with distinct windows (so none is served from the cache):
uncached=()
for i in $(seq 1 20); do
  end=$(date -u -d "-${i} minutes" +%Y-%m-%dT%H:%M:%SZ)
  uncached+=("$(curl -fs -o /dev/null -w '%{time_total}' "http://127.0.0.1:${PORT}/open311/v2/requests.json?end_date=${end}" | awk '{printf "%.1f", $1*1000}')")
done
list_cold_p50=$(printf '%s\n' "${uncached[@]}" | sort -n | awk '{a[NR]=$1} END {print a[10]}')
list_cold_p95=$(printf '%s\n' "${uncached[@]}" | sort -n | awk '{a[NR]=$1} END {print a[19]}')
echo "[demands] detail"
read -r detail_rps detail_p95 detail_non2xx <<<"$(TOKEN= POST=0 run "http://127.0.0.1:${PORT}/open311/v2/requests/${some_id}.json" 64)"
read -r staff_rps staff_p95 _ <<<"$(TOKEN=${STAFF} POST=0 run "http://127.0.0.1:${PORT}/api/v1/demands/${some_id}" 64)"
echo "[demands] monthly metrics"
month=$(date -u +%Y-%m)
times=()
for _ in $(seq 1 20); do
  times+=("$(curl -fs -o /dev/null -w '%{time_total}' -H "Authorization: Bearer ${STAFF}" "http://127.0.0.1:${PORT}/api/v1/demands/metrics?month=${month}" | awk '{printf "%.1f", $1*1000}')")
done
metrics_p50=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[10]}')
metrics_p95=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[19]}')
month_rows=$(sqlite3 "${WORK}/demands.db" "SELECT COUNT(*) FROM demands_demands WHERE \"Month\" = ${month/-/}")
stop_server

pct() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f", 100*a/b}'; }
report="bench/results/$(date -u +%Y-%m-%d-%H%M)-demands.md"
{
  echo "## Demands (issue #4), $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "- machine: nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load client on the same machine"
  echo "- plaintext ceiling (wrk -t2 -c64, median of 3): **${ceiling} req/s**"
  echo "- SQLite: WAL, synchronous=FULL (every acknowledged commit is on disk)"
  echo
  echo "| measure | result | target |"
  echo "| --- | ---: | --- |"
  echo "| durable submissions, POST /api/v1/demands, 32 clients (median of 3 × 10 s) | **${submit_rps}/s**, p95 ${submit_p95} ms, non-201 ${submit_non2xx} | ≥ 1,000/s |"
  echo "| raw Microsoft.Data.Sqlite insert loop, 1 row/transaction, same table, indexes and pragmas (median of 3 × 10 s) | ${raw_rps} rows/s | — |"
  echo "| submissions ÷ raw loop | **$(pct "${submit_rps}" "${raw_rps}") %** | ≥ 50 % |"
  echo "| 201 responses (warm-up + 3 runs) / rows stored | ${acknowledged} / ${submitted_rows} | equal |"
  echo "| demands stored (generated ${DEMANDS} in ${gen_s} s) | ${total} | 1,000,000 |"
  echo "| GET /open311/v2/requests.json (last 90 days, ${returned} items), computed (20 sequential, distinct windows) | p50 ${list_cold_p50} ms, p95 **${list_cold_p95} ms** | p95 ≤ 150 ms |"
  echo "| the same, repeated by 8 clients (output cache, evicted on any change) | p95 ${list_p95} ms, ${list_rps} req/s | — |"
  echo "| GET /open311/v2/requests/{id}.json (public detail JSON), 64 clients | ${detail_rps} req/s = **$(pct "${detail_rps}" "${ceiling}") %** of the ceiling, p95 ${detail_p95} ms | ≥ 25 % |"
  echo "| GET /api/v1/demands/{id} (staff detail with timeline, bearer token, not cached), 64 clients | ${staff_rps} req/s = $(pct "${staff_rps}" "${ceiling}") % of the ceiling, p95 ${staff_p95} ms | — |"
  echo "| GET /api/v1/demands/metrics (subdistrict, ${month}, ${month_rows} demands in the month), 20 sequential | p50 ${metrics_p50} ms, p95 **${metrics_p95} ms** | ≤ 500 ms |"
} | tee -a "${report}"
echo "[demands] appended to ${report}"
