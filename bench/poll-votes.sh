#!/usr/bin/env bash
# bench/poll-votes.sh — a poll with 10,000 eligible voters casting within one minute (issue #6): every vote counted
# exactly once, p99 ≤ 200 ms per vote on SQLite. Not a test; run by hand:
#
#   ./bench/poll-votes.sh                 # 10,000 voters over 50 s, at most 64 votes in flight
#   ./bench/poll-votes.sh 2000 20 32      # voters, seconds, max in flight
#
# Builds bench/pollvotes (the load client hosting the app on Kestrel, see its Program.cs) and appends its report to
# bench/results/. Close other heavy work first: the app and the client share the machine's cores.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
VOTERS="${1:-10000}" SECONDS_="${2:-50}" INFLIGHT="${3:-64}"
echo "[poll] building the load client"
dotnet build bench/pollvotes -c Release -o artifacts/bench/pollvotes >/dev/null
report="bench/results/$(date -u +%Y-%m-%d-%H%M)-poll-votes.md"
status=0
(cd artifacts/bench/pollvotes && ./PollVotes "${VOTERS}" "${SECONDS_}" "${INFLIGHT}") | tee "${report}.tmp" || status=$?
sed -n '/^## Poll votes/,$p' "${report}.tmp" >> "${report}"; rm -f "${report}.tmp"
echo "[poll] appended to ${report}"
exit "${status}"
