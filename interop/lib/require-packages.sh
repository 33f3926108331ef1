#!/usr/bin/env bash
# Sourced by interop scripts: require_packages CMD:PACKAGE ...
# Installs the Debian package for each missing command (a CMD starting with / is a file pattern
# instead, e.g. /usr/lib/*/kamailio/modules/tls.so:kamailio-tls-modules). Under CI=true a failed install is a
# failure (exit 1); elsewhere the caller gets status 2 and a loud SKIPPED reason in $SKIP_REASON.

SKIP_REASON=""

require_packages() {
  local missing=() pair cmd pkg
  for pair in "$@"; do
    cmd=${pair%%:*}; pkg=${pair#*:}
    if [[ $cmd == /* ]]; then
      compgen -G "$cmd" >/dev/null || missing+=("$pkg")
    else
      command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "interop: installing ${missing[*]} (apt-get)..." >&2
  local log; log=$(mktemp)
  # INTEROP-NOTES: tshark's package asks whether non-root users may capture; answer before asking.
  echo 'wireshark-common wireshark-common/install-setuid boolean false' | debconf-set-selections 2>/dev/null || true
  if { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; } >"$log" 2>&1; then
    rm -f "$log"
    return 0
  fi
  SKIP_REASON="apt-get install ${missing[*]} failed: $(tail -n 2 "$log" | tr '\n' ' ')"
  rm -f "$log"
  if [ "${CI:-}" = "true" ]; then
    echo "interop: FAILURE: $SKIP_REASON (CI reaches Debian's archive, so this is an error)" >&2
    return 1
  fi
  echo "interop: ############################################################" >&2
  echo "interop: SKIPPING: $SKIP_REASON" >&2
  echo "interop: ############################################################" >&2
  return 2
}
