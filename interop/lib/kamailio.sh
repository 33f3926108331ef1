#!/usr/bin/env bash
# Sourced by interop scripts: start_kamailio DIR [KAMAILIO_ARGS...] / stop_kamailio DIR.
# Runs interop/kamailio/kamailio.cfg on 127.0.0.1:5070 with one worker (INTEROP-NOTES: several
# workers can relay a 180 after the 200), its pid and logs in DIR. Stops only the PID it started.

INTEROP_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

start_kamailio() {
  local dir=$1; shift
  mkdir -p "$dir"
  kamailio -f "$INTEROP_DIR/kamailio/kamailio.cfg" -P "$dir/kamailio.pid" -Y "$dir" -w "$dir" \
    -m 64 -M 8 -E "$@" >"$dir/kamailio.log" 2>&1 || return 1
  local i
  for i in $(seq 1 50); do
    [ -s "$dir/kamailio.pid" ] && return 0
    sleep 0.1
  done
  echo "interop: kamailio did not write its pid file; see $dir/kamailio.log" >&2
  return 1
}

stop_kamailio() {
  local dir=$1 pid
  [ -s "$dir/kamailio.pid" ] || return 0
  pid=$(cat "$dir/kamailio.pid")
  kill "$pid" 2>/dev/null || true
  local i
  for i in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
}
