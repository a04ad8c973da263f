#!/usr/bin/env bash
# bench/alerts-fanout.sh — the alert fan-out benchmark (issue 5). Not part of the tests; run it by hand:
#
#   ./bench/alerts-fanout.sh            # 5,000 clients (ALERTS_CLIENTS or $1 to change)
#   ./bench/alerts-fanout.sh 1000
#
# Steps (everything on 127.0.0.1, everything it starts is stopped on exit):
#   1. publishes src/Jiayuan.Web to artifacts/bench/alerts-app, builds bench/alertsload, `npm ci` in bench/alerts-baseline;
#   2. starts Jiayuan (Production, fresh SQLite database, demo seeded: the responder `lianfang` covers 新园社区);
#      the load client opens N WebSockets on /hubs/alerts as that responder (SignalR JSON protocol), measures the server's
#      RSS before/after (memory per idle connection), then POSTs 5 single alerts (one at a time) and a burst of 20 alerts
#      in one second as the 新园 worker, and measures POST → delivery on every client (p50/p99/max);
#   3. the same with a raw Node `ws` server broadcasting the POSTed body to the same number of clients (the floor);
#   4. writes bench/results/YYYY-MM-DD-HHMM-alerts-fanout.md (and prints it). The lead copies numbers into docs/performance.md.
# Targets (issue 5): single alert p99 ≤ 500 ms, burst p99 ≤ 1 s, our p99 ≤ 2× the raw baseline.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$(pwd)
CLIENTS="${1:-${ALERTS_CLIENTS:-5000}}"
APP_PORT="${ALERTS_APP_PORT:-5097}"
BASE_PORT="${ALERTS_BASELINE_PORT:-5096}"
APP_DIR="${REPO_ROOT}/artifacts/bench/alerts-app"
LOAD_DIR="${REPO_ROOT}/artifacts/bench/alertsload"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/jiayuan-alerts-bench.XXXXXX")
SERVER_PIDS=()

log() { printf '[alerts-bench] %s\n' "$*" >&2; }
cleanup() {
  for pid in "${SERVER_PIDS[@]}"; do
    kill "${pid}" 2>/dev/null || true
    wait "${pid}" 2>/dev/null || true
  done
  rm -rf "${TMP}"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Two sockets per client on one machine.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [[ "$(ulimit -n)" != unlimited && "$(ulimit -n)" -lt $((2 * CLIENTS + 1000)) ]]; then
  log "warning: open-file limit $(ulimit -n) is low for ${CLIENTS} clients"
fi

wait_for() { # URL PID LOG
  for _ in $(seq 1 300); do
    if curl -fs -o /dev/null "$1"; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then cat "$3" >&2; log "server died"; exit 1; fi
    sleep 0.2
  done
  log "server did not answer $1"; exit 1
}

log "publishing src/Jiayuan.Web"
dotnet publish src/Jiayuan.Web -c Release -o "${APP_DIR}" -nologo -v quiet >"${TMP}/publish.log" 2>&1 || { cat "${TMP}/publish.log" >&2; exit 1; }
log "building the load client"
dotnet build bench/alertsload -c Release -o "${LOAD_DIR}" -nologo -v quiet >"${TMP}/load.log" 2>&1 || { cat "${TMP}/load.log" >&2; exit 1; }
log "npm ci (ws) for the raw baseline"
(cd bench/alerts-baseline && npm ci --no-audit --no-fund --silent)

# --- Jiayuan -------------------------------------------------------------------------------------------------------
mkdir -p "${TMP}/data"
(
  cd "${APP_DIR}"
  exec env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning DataDirectory="${TMP}/data" \
    ConnectionStrings__Jiayuan="Data Source=${TMP}/data/bench.db" Alerts__StaffRaisesPerMinute=1000000 Alerts__SweepSeconds=0 \
    RateLimits__LoginPerMinute=1000 dotnet Jiayuan.Web.dll --urls "http://127.0.0.1:${APP_PORT}"
) >"${TMP}/app.log" 2>&1 &
APP_PID=$!
SERVER_PIDS+=("${APP_PID}")
wait_for "http://127.0.0.1:${APP_PORT}/healthz" "${APP_PID}" "${TMP}/app.log"
log "Jiayuan up (pid ${APP_PID}); ${CLIENTS} SignalR clients"
dotnet "${LOAD_DIR}/AlertsLoad.dll" signalr --url "http://127.0.0.1:${APP_PORT}" --clients "${CLIENTS}" --server-pid "${APP_PID}" \
  --label jiayuan | tail -n 1 >"${TMP}/jiayuan.json"
kill "${APP_PID}"; wait "${APP_PID}" 2>/dev/null || true

# --- raw Node ws baseline -----------------------------------------------------------------------------------------
node bench/alerts-baseline/server.js "${BASE_PORT}" >"${TMP}/node.log" 2>&1 &
NODE_PID=$!
SERVER_PIDS+=("${NODE_PID}")
wait_for "http://127.0.0.1:${BASE_PORT}/" "${NODE_PID}" "${TMP}/node.log"
log "raw ws baseline up (pid ${NODE_PID}); ${CLIENTS} clients"
dotnet "${LOAD_DIR}/AlertsLoad.dll" raw --url "http://127.0.0.1:${BASE_PORT}" --clients "${CLIENTS}" --server-pid "${NODE_PID}" \
  --label node-ws | tail -n 1 >"${TMP}/node.json"

# --- report -------------------------------------------------------------------------------------------------------
mkdir -p bench/results
REPORT="bench/results/$(date -u +%Y-%m-%d-%H%M)-alerts-fanout.md"
python3 - "${TMP}/jiayuan.json" "${TMP}/node.json" "${CLIENTS}" >"${REPORT}" <<'PY'
import json, os, platform, subprocess, sys
j = json.load(open(sys.argv[1])); n = json.load(open(sys.argv[2])); clients = sys.argv[3]
def ratio(a, b): return f"{a / b:.2f}×" if b else "—"
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
print(f"# Alert fan-out — {clients} WebSocket clients\n")
print(f"- machine: {os.cpu_count()} cores, {platform.platform()}; load client on the same machine; commit {commit}")
print("- Jiayuan: one instance, SQLite, Production; all clients connected as the demo responder `lianfang` (新园社区),"
      " alerts POSTed by the 新园 worker; latency = POST start → message received by a client;"
      " one warm-up alert first, not measured")
print("- baseline: Node `ws` server, POST /broadcast sends the body to every client\n")
print("| | Jiayuan (SignalR) | raw Node ws | ratio |")
print("|---|---|---|---|")
print(f"| connected | {j['connected']} / {j['clients']} | {n['connected']} / {n['clients']} | |")
print(f"| connect time | {j['connectSeconds']} s | {n['connectSeconds']} s | |")
print(f"| server RSS idle, before → after | {j['serverRssBeforeMb']} → {j['serverRssAfterMb']} MB | {n['serverRssBeforeMb']} → {n['serverRssAfterMb']} MB | |")
print(f"| memory per idle connection | {j['bytesPerIdleConnection'] / 1024:.1f} KB | {n['bytesPerIdleConnection'] / 1024:.1f} KB | |")
for key, name, target in (("single", "single alert", 500), ("burst", "burst of 20 in 1 s", 1000)):
    a, b = j[key], n[key]
    print(f"| {name}: p50 | {a['p50Ms']} ms | {b['p50Ms']} ms | {ratio(a['p50Ms'], b['p50Ms'])} |")
    print(f"| {name}: p99 (target ≤ {target} ms) | **{a['p99Ms']} ms** | {b['p99Ms']} ms | **{ratio(a['p99Ms'], b['p99Ms'])}** |")
    print(f"| {name}: max | {a['maxMs']} ms | {b['maxMs']} ms | |")
    print(f"| {name}: delivered | {a['delivered']} / {a['expected']} | {b['delivered']} / {b['expected']} | |")
print("\nRaw results:\n")
print("```json"); print(json.dumps(j)); print(json.dumps(n)); print("```")
PY
cat "${REPORT}"
log "report: ${REPORT}"
