#!/usr/bin/env bash
# Sourced by interop/run: result rows, background processes started by PID, SIPp statistics.

declare -a ROWS=()
declare -A STARTED=()
FAILS=0

record() { # STATUS NAME DETAIL
  ROWS+=("$1|$2|$3")
  [ "$1" = FAIL ] && FAILS=$((FAILS + 1))
  printf 'interop: %-7s %s — %s\n' "$1" "$2" "$3" >&2
}

print_table() {
  printf '\n%-8s | %-45s | %s\n' STATUS CHECK DETAIL
  printf -- '---------+-----------------------------------------------+----------------------------------------\n'
  local r
  for r in "${ROWS[@]}"; do
    IFS='|' read -r s n d <<<"$r"
    printf '%-8s | %-45s | %s\n' "$s" "$n" "$d"
  done
  local pass=0 skip=0
  for r in "${ROWS[@]}"; do
    case ${r%%|*} in PASS) pass=$((pass + 1)) ;; SKIPPED) skip=$((skip + 1)) ;; esac
  done
  echo
  echo "interop: $pass passed, $FAILS failed, $skip skipped"
  [ "$FAILS" -eq 0 ]
}

start_bg() { # NAME CMD...: runs CMD in the background, output in $work/NAME.log, PID remembered
  local name=$1; shift
  "$@" >"$work/$name.log" 2>&1 &
  STARTED[$name]=$!
}

started_log() { echo "$work/$1.log"; }

stop_bg() { # NAME: stops the process started under NAME (and waits for it)
  local pid=${STARTED[$1]:-}
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset "STARTED[$1]"
}

stop_started() {
  local name
  for name in "${!STARTED[@]}"; do stop_bg "$name"; done
}

wait_for_line() { # LOG REGEX SECONDS: polls a background process's log until a line matches
  local i
  for i in $(seq 1 $(($3 * 10))); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

stat_column() { # CSV COLUMN: the value of COLUMN in the last row of a SIPp -trace_stat file
  [ -f "$1" ] || return 0
  awk -F';' -v col="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next } { v = $c } END { print v }' "$1"
}
