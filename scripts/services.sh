#!/usr/bin/env bash
# scripts/services.sh — helpers that install and start the external services
# Jiayuan's tests and benchmarks need. Meant to be *sourced*:
#
#   source scripts/services.sh
#   trap pg_stop EXIT
#   ensure_browser            # Debian chromium + CJK fonts
#   pg_start                  # private PostgreSQL 15 on 127.0.0.1, exports JIAYUAN_TEST_PG
#   ...
#   pg_stop                   # (also run by the trap)
#   redis_start / redis_stop  # private redis-server on 127.0.0.1, exports JIAYUAN_TEST_REDIS
#
# Everything here comes from Debian's packages; nothing is downloaded from
# elsewhere. The functions are safe under `set -euo pipefail` and may be
# called repeatedly.

# Guard against being sourced twice (the state variables below must survive).
if [[ -n "${_JIAYUAN_SERVICES_SH:-}" ]]; then
  return 0
fi
_JIAYUAN_SERVICES_SH=1

# Set once `apt-get update` has run in this shell, so it runs at most once.
_JIAYUAN_APT_UPDATED=""

# Directory of the private PostgreSQL cluster started by pg_start (empty if none).
_JIAYUAN_PG_DIR=""

# Print a progress line to stderr, prefixed so it stands out in CI logs.
svc_log() {
  printf '[services] %s\n' "$*" >&2
}

# Run a command as root: directly when we are root, else through sudo.
_as_root() {
  if [[ ${EUID} -eq 0 ]]; then
    "$@"
  else
    sudo "$@"
  fi
}

# True when the Debian package $1 is installed.
_apt_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# ensure_apt PKG... — install the given Debian packages if any are missing.
# `apt-get update` runs only when something must be installed, and once per shell.
ensure_apt() {
  local missing=() pkg
  for pkg in "$@"; do
    _apt_installed "${pkg}" || missing+=("${pkg}")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    return 0
  fi

  svc_log "installing Debian packages: ${missing[*]}"
  if [[ -z "${_JIAYUAN_APT_UPDATED}" ]]; then
    _as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    _JIAYUAN_APT_UPDATED=1
  fi
  _as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
}

# ensure_browser — Debian's Chromium (/usr/bin/chromium) plus CJK fonts so
# Chinese text renders in headless screenshots and browser tests.
ensure_browser() {
  ensure_apt chromium fonts-noto-cjk
  if [[ ! -x /usr/bin/chromium ]]; then
    svc_log "error: /usr/bin/chromium missing after install"
    return 1
  fi
}

# Directory with initdb/pg_ctl of the newest installed PostgreSQL server
# (Debian 12 ships 15). Client-only versions (no pg_ctl) are skipped.
_pg_bindir() {
  local dir best=""
  while IFS= read -r dir; do
    if [[ -x "${dir}/pg_ctl" && -x "${dir}/initdb" ]]; then
      best="${dir}"
    fi
  done < <(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V)
  if [[ -z "${best}" ]]; then
    svc_log "error: no PostgreSQL server binaries under /usr/lib/postgresql"
    return 1
  fi
  printf '%s\n' "${best}"
}

# Run a PostgreSQL server command as the unprivileged `postgres` user (the
# server refuses to run as root). A non-root caller runs it as itself.
_pg_as_owner() {
  if [[ ${EUID} -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# True when something on this machine already accepts TCP connections on
# 127.0.0.1:$1.
_port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Remove leftovers of earlier runs that were killed before pg_stop could run:
# cluster dirs whose server is gone (postmaster.pid names a dead process, or
# no server was ever started and the dir is more than an hour old).
_pg_clean_stale() {
  local dir pid
  for dir in "${TMPDIR:-/tmp}"/jiayuan-pg.*; do
    [[ -d "${dir}" ]] || continue
    if [[ -f "${dir}/data/postmaster.pid" ]]; then
      pid=$(head -n 1 "${dir}/data/postmaster.pid" 2>/dev/null || true)
      if [[ -n "${pid}" ]] && kill -0 "${pid}" 2>/dev/null; then
        continue  # still running (maybe another concurrent run): leave it
      fi
    elif [[ -z "$(find "${dir}" -maxdepth 0 -mmin +60 2>/dev/null)" ]]; then
      continue  # young and not started yet: maybe a concurrent pg_start
    fi
    svc_log "removing stale cluster ${dir}"
    rm -rf "${dir}"
  done
}

# pg_start — start a private, throw-away PostgreSQL cluster:
#   * initdb into a fresh temp dir owned by `postgres` (never the system cluster),
#   * listening on 127.0.0.1 only, on the first free port from 55432 up
#     (or $JIAYUAN_PG_PORT if set), Unix socket inside the temp dir,
#   * trust auth, superuser `postgres` (password `postgres` is also set),
#   * durability turned off (fsync etc.): it is test data.
# Exports:
#   JIAYUAN_TEST_PG  Npgsql connection string for the cluster
#   JIAYUAN_PG_PORT  its port
# Call pg_stop (e.g. from `trap pg_stop EXIT`) to stop it and delete the dir.
pg_start() {
  if [[ -n "${_JIAYUAN_PG_DIR}" ]]; then
    svc_log "PostgreSQL already started by this shell (${_JIAYUAN_PG_DIR})"
    return 0
  fi

  # Each step ends with `|| return 1`: callers often write `if pg_start; then`,
  # where `set -e` does not apply inside the function.
  ensure_apt postgresql || return 1
  local bindir
  bindir=$(_pg_bindir) || return 1
  _pg_clean_stale

  # The temp dir must be reachable by the postgres user: mktemp makes it 0700
  # and we hand it over to postgres.
  local dir
  dir=$(mktemp -d "${TMPDIR:-/tmp}/jiayuan-pg.XXXXXX") || return 1
  _JIAYUAN_PG_DIR="${dir}"
  if [[ ${EUID} -eq 0 ]]; then
    chown postgres:postgres "${dir}" || return 1
  fi

  printf 'postgres\n' >"${dir}/pwfile" || return 1
  if [[ ${EUID} -eq 0 ]]; then
    chown postgres:postgres "${dir}/pwfile" || return 1
  fi
  svc_log "initdb in ${dir}/data"
  if ! _pg_as_owner "${bindir}/initdb" -D "${dir}/data" -U postgres \
      --pwfile="${dir}/pwfile" --auth=trust -E UTF8 --locale=C.UTF-8 \
      >"${dir}/initdb.log" 2>&1; then
    svc_log "error: initdb failed:"
    cat "${dir}/initdb.log" >&2
    return 1
  fi

  # Server settings; appended to postgresql.conf so pg_ctl needs no -o quoting.
  cat >>"${dir}/data/postgresql.conf" <<EOF || return 1

# --- Jiayuan test cluster (scripts/services.sh) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '${dir}'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

  # Try ports until the server comes up (another process may grab a port
  # between our check and the server's bind).
  local port="${JIAYUAN_PG_PORT:-55432}" started=""
  for _ in $(seq 1 20); do
    if ! _port_in_use "${port}"; then
      if _pg_as_owner "${bindir}/pg_ctl" -D "${dir}/data" -l "${dir}/server.log" \
          -o "-p ${port}" -w -t 60 start >/dev/null 2>&1; then
        started=1
        break
      fi
      svc_log "PostgreSQL did not start on port ${port}, trying the next one"
    fi
    port=$((port + 1))
  done
  if [[ -z "${started}" ]]; then
    svc_log "error: could not start PostgreSQL (20 ports tried); server log:"
    cat "${dir}/server.log" >&2 || true
    return 1
  fi

  # Wait until it accepts TCP connections (pg_ctl -w already waited on the socket).
  for _ in $(seq 1 100); do
    if "${bindir}/pg_isready" -q -h 127.0.0.1 -p "${port}" -U postgres; then
      break
    fi
    sleep 0.1
  done

  export JIAYUAN_PG_PORT="${port}"
  export JIAYUAN_TEST_PG="Host=127.0.0.1;Port=${port};Username=postgres;Password=postgres;Database=postgres"
  svc_log "PostgreSQL $("${bindir}/postgres" --version | awk '{print $3}') on 127.0.0.1:${port}"
}

# pg_stop — stop the cluster started by pg_start and delete its directory.
# Does nothing when no cluster was started, so it is safe in an EXIT trap.
pg_stop() {
  local dir="${_JIAYUAN_PG_DIR}"
  if [[ -z "${dir}" ]]; then
    return 0
  fi
  _JIAYUAN_PG_DIR=""
  unset JIAYUAN_TEST_PG JIAYUAN_PG_PORT

  local bindir
  bindir=$(_pg_bindir) || bindir=""
  if [[ -n "${bindir}" && -f "${dir}/data/postmaster.pid" ]]; then
    _pg_as_owner "${bindir}/pg_ctl" -D "${dir}/data" -m fast -w -t 30 stop \
      >/dev/null 2>&1 || svc_log "warning: pg_ctl stop failed"
  fi
  rm -rf "${dir}"
  svc_log "PostgreSQL stopped"
}

# Directory and pid of the private redis-server started by redis_start (empty if none).
_JIAYUAN_REDIS_DIR=""
_JIAYUAN_REDIS_PID=""

# redis_start — start a throw-away redis-server (Debian's redis-server package, installed if
# missing) on 127.0.0.1, on the first free port from 56379 up (or $JIAYUAN_REDIS_PORT),
# without persistence. Exports JIAYUAN_TEST_REDIS (host:port) for the scale-out tests.
# Call redis_stop (e.g. from an EXIT trap) to stop it.
redis_start() {
  if [[ -n "${_JIAYUAN_REDIS_PID}" ]]; then
    return 0
  fi
  ensure_apt redis-server || return 1
  local dir port="${JIAYUAN_REDIS_PORT:-56379}" started=""
  dir=$(mktemp -d "${TMPDIR:-/tmp}/jiayuan-redis.XXXXXX") || return 1
  _JIAYUAN_REDIS_DIR="${dir}"
  for _ in $(seq 1 20); do
    if ! _port_in_use "${port}"; then
      if redis-server --bind 127.0.0.1 --port "${port}" --daemonize yes --save '' --appendonly no \
          --dir "${dir}" --pidfile "${dir}/redis.pid" --logfile "${dir}/redis.log" >/dev/null 2>&1; then
        for _ in $(seq 1 50); do
          if [[ -s "${dir}/redis.pid" ]] && _port_in_use "${port}"; then
            started=1
            break
          fi
          sleep 0.1
        done
        [[ -n "${started}" ]] && break
      fi
    fi
    port=$((port + 1))
  done
  if [[ -z "${started}" ]]; then
    svc_log "error: could not start redis-server"
    cat "${dir}/redis.log" >&2 2>/dev/null || true
    return 1
  fi
  _JIAYUAN_REDIS_PID=$(cat "${dir}/redis.pid")
  export JIAYUAN_TEST_REDIS="127.0.0.1:${port}"
  svc_log "redis-server on ${JIAYUAN_TEST_REDIS} (pid ${_JIAYUAN_REDIS_PID})"
}

# redis_stop — stop the redis-server started by redis_start; safe to call when none runs.
redis_stop() {
  local pid="${_JIAYUAN_REDIS_PID}" dir="${_JIAYUAN_REDIS_DIR}"
  _JIAYUAN_REDIS_PID=""
  _JIAYUAN_REDIS_DIR=""
  unset JIAYUAN_TEST_REDIS
  if [[ -n "${pid}" ]]; then
    kill "${pid}" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "${pid}" 2>/dev/null || break
      sleep 0.1
    done
    svc_log "redis-server stopped"
  fi
  if [[ -n "${dir}" ]]; then
    rm -rf "${dir}"
  fi
}
