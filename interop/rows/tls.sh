#!/usr/bin/env bash
# Sourced by interop/run: SIP over TLS (RFC 3261 §26) on 127.0.0.1 between Parley and baresip
# 1.0.0 directly, and between Parley phones through kamailio 5.6.3's tls module (Debian package
# kamailio-tls-modules). Debian's SIPp is built without OpenSSL (`sipp -t l1` refuses to start).
# Needs from run: $root, $work, $base, parley(), start_bg/stop_bg/wait_for_line/record, and
# lib/baresip.sh, lib/dtmf-audio.sh, rows/baresip.sh (the digit sequences).
#
# Certificates are made at run time, never committed: each side has its own self-signed
# certificate for IP 127.0.0.1 and trusts only the other's.
#   - Parley: a PKCS#12 key store made by the JDK's keytool (as `parley call --help` tells users),
#     given with --tls-keystore; baresip's certificate is its --tls-ca, so Parley verifies it
#     (chain and SAN ip:127.0.0.1) on every connection it opens.
#   - baresip: a certificate and key made by openssl, one PEM file given as sip_certificate;
#     Parley's certificate (exported by keytool) is its sip_cafile.
# baresip listens for TLS on its SIP port + 1, Parley on its --bind port + 1.
#
# Audio is checked both ways as in rows/baresip.sh: baresip plays 2468, Parley 1357.
# Ports: baresip SIP $base+90 (TLS $base+91), RTP $base+100..109; parley call $base+92 (TLS
# $base+93), parley listen $base+94 (TLS $base+95), their RTP $base+110..119; kamailio TLS 5071
# (fixed in kamailio.cfg, with UDP 5070), Parley through it $base+120..125, RTP $base+130..139.

TLS_PASSWORD=interop-tls

# Makes $work/tls: parley.p12 + parley.pem (keytool), baresip.pem (certificate + key) and
# baresip-cert.pem (openssl). Returns 1 and says why on failure.
make_tls_files() {
  local dir="$work/tls"
  mkdir -p "$dir"
  keytool -genkeypair -alias parley -keyalg EC -groupname secp256r1 -dname CN=127.0.0.1 \
    -ext SAN=ip:127.0.0.1 -validity 2 -storetype PKCS12 -keystore "$dir/parley.p12" \
    -storepass "$TLS_PASSWORD" >"$dir/keytool.log" 2>&1 &&
    keytool -exportcert -rfc -alias parley -keystore "$dir/parley.p12" -storepass "$TLS_PASSWORD" \
      -file "$dir/parley.pem" >>"$dir/keytool.log" 2>&1 || { echo "keytool failed: $(tail -n 1 "$dir/keytool.log")"; return 1; }
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
    -keyout "$dir/baresip-key.pem" -out "$dir/baresip-cert.pem" >"$dir/openssl.log" 2>&1 ||
    { echo "openssl failed: $(tail -n 1 "$dir/openssl.log")"; return 1; }
  cat "$dir/baresip-cert.pem" "$dir/baresip-key.pem" >"$dir/baresip.pem"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
    -keyout "$dir/kamailio-key.pem" -out "$dir/kamailio-cert.pem" >>"$dir/openssl.log" 2>&1 ||
    { echo "openssl failed: $(tail -n 1 "$dir/openssl.log")"; return 1; }
  # kamailio's tls module: its own certificate as a server; as a client (to the phones' TLS
  # listeners) it requires and verifies Parley's certificate.
  cat >"$dir/kamailio-tls.cfg" <<EOF
[server:default]
method = TLSv1.2+
verify_certificate = no
require_certificate = no
private_key = $dir/kamailio-key.pem
certificate = $dir/kamailio-cert.pem

[client:default]
method = TLSv1.2+
verify_certificate = yes
require_certificate = yes
ca_list = $dir/parley.pem
EOF
}

# Starts baresip NAME with no registration (regint=0), auto-answering, TLS on $base+91 with its
# certificate, trusting Parley's; extra baresip arguments follow. Returns 1 if it is not ready
# within 20 s.
start_tls_baresip() { # NAME RATE SOURCE_WAV [BARESIP_ARGS...]
  local name=$1 rate=$2 wav=$3; shift 3
  local dir="$work/$name"
  baresip_config "$dir" $((base + 90)) "$((base + 100))-$((base + 109))" "$wav" "$rate" \
    '<sip:baresip@127.0.0.1>;regint=0;answermode=auto'
  printf 'sip_certificate\t%s\nsip_cafile\t%s\n' "$work/tls/baresip.pem" "$work/tls/parley.pem" >>"$dir/config"
  start_bg "$name" timeout 60 baresip -f "$dir" -t 40 "$@"
  wait_for_line "$(started_log "$name")" 'baresip is ready' 20
}

tls_options() { echo --transport tls --tls-ca "$work/tls/baresip-cert.pem" --tls-keystore "$work/tls/parley.p12" --tls-password "$TLS_PASSWORD"; }

# parley call sips:baresip@127.0.0.1:TLS-PORT (RFC 3261 §26.2.2: a sips: URI is reached over TLS).
row_tls_parley_calls_baresip() {
  local row="tls: parley call sips: -> baresip"
  local src="$work/tls-baresip.wav" rec="$work/tls-parley-heard.wav" out="$work/tls-call"
  dtmf_audio write "$src" 16000 30 "$BARESIP_DIGITS" || { record FAIL "$row" "cannot write $src"; return; }
  if ! start_tls_baresip baresip-tls 16000 "$src"; then
    record FAIL "$row" "baresip did not start (see $(started_log baresip-tls))"
    stop_bg baresip-tls
    return
  fi
  # shellcheck disable=SC2046
  parley call "sips:baresip@127.0.0.1:$((base + 91))" --user alice --bind 127.0.0.1:$((base + 92)) $(tls_options) \
    --rtp-ports "$((base + 110))-$((base + 119))" --codecs g722 --play "$work/parley.wav" --record "$rec" \
    --duration 4 --events json --trace >"$out.json" 2>"$out.err"
  local rc=$?
  stop_bg baresip-tls
  local negotiated heard_by_parley heard_by_baresip
  negotiated=$(grep '"event":"answered"' "$out.json" | grep -o '"codec":"[^"]*"' | cut -d'"' -f4)
  heard_by_parley=$(heard "$rec" "$BARESIP_DIGITS")
  heard_by_baresip=$(heard "$(baresip_recording "$work/baresip-tls")" "$PARLEY_DIGITS")
  if [ $rc -ne 0 ]; then
    record FAIL "$row" "parley call exit $rc ($(tail -n 1 "$out.err"))"
  elif ! grep -q "INVITE sips:baresip@127.0.0.1:$((base + 91)) .*▶ 127.0.0.1:$((base + 91))" "$out.err" ||
    ! grep -q "BYE .*transport=tls.*▶ 127.0.0.1:$((base + 91))" "$out.err"; then
    record FAIL "$row" "the INVITE or the BYE did not go to baresip's TLS port $((base + 91)) (see $out.err)"
  elif [ "${negotiated%%/*}" != G722 ]; then
    record FAIL "$row" "answered with codec '${negotiated:-none}', expected G722"
  elif [ "${heard_by_parley##*: }" != found ]; then
    record FAIL "$row" "Parley's recording: $heard_by_parley"
  elif [ "${heard_by_baresip##*: }" != found ]; then
    record FAIL "$row" "baresip's recording: $heard_by_baresip"
  else
    record PASS "$row" "$negotiated over TLS to :$((base + 91)), BYE too; audio checked both ways"
  fi
}

# baresip dials sip:parley@127.0.0.1:TLS-PORT;transport=tls; parley listen answers with the
# certificate of its --tls-keystore. baresip hangs up when its 4 s WAV ends.
row_tls_baresip_calls_parley() {
  local row="tls: baresip -> parley listen (TLS)"
  local src="$work/tls-baresip-short.wav" rec="$work/tls-parley-heard-incoming.wav"
  local tls_port=$((base + 95))
  dtmf_audio write "$src" 16000 4 "$BARESIP_DIGITS" || { record FAIL "$row" "cannot write $src"; return; }
  # shellcheck disable=SC2046
  start_bg listen-tls timeout 60 "$root/parley" listen --user parley --bind 127.0.0.1:$((base + 94)) $(tls_options) \
    --rtp-ports "$((base + 110))-$((base + 119))" --auto-answer --play "$work/parley.wav" --record "$rec" \
    --duration 40 --events json --trace
  local events; events=$(started_log listen-tls)
  if ! wait_for_line "$events" "^listening on .*TLS:127.0.0.1:$tls_port" 30; then
    record FAIL "$row" "parley listen did not listen for TLS on $tls_port (see $events)"
    stop_bg listen-tls
    return
  fi
  if ! start_tls_baresip baresip-tls-dials 16000 "$src" -e "/dial sip:parley@127.0.0.1:$tls_port;transport=tls"; then
    record FAIL "$row" "baresip did not start (see $(started_log baresip-tls-dials))"
    stop_bg baresip-tls-dials
    stop_bg listen-tls
    return
  fi
  wait_for_line "$events" '"event":"ended"' 25
  stop_bg baresip-tls-dials
  stop_bg listen-tls
  local answered ended heard_by_parley heard_by_baresip
  answered=$(grep '"event":"answered"' "$events" | grep -o '"codec":"[^"]*"' | cut -d'"' -f4)
  ended=$(grep '"event":"ended"' "$events" | grep -o '"cause":"[^"]*"' | cut -d'"' -f4)
  heard_by_parley=$(heard "$rec" "$BARESIP_DIGITS")
  heard_by_baresip=$(heard "$(baresip_recording "$work/baresip-tls-dials")" "$PARLEY_DIGITS")
  if ! grep -q '"event":"incoming".*"from":"sip:baresip@127.0.0.1"' "$events"; then
    record FAIL "$row" "no incoming call from baresip in Parley's events (see $events)"
  elif ! grep -q "◀──── INVITE sip:parley@127.0.0.1:$tls_port;transport=tls" "$events" ||
    ! grep -q "◀──── BYE sip:parley@127.0.0.1:$tls_port;transport=tls" "$events"; then
    record FAIL "$row" "the INVITE or baresip's BYE did not arrive for the TLS port (see $events)"
  elif [ -z "$answered" ] || [ "$ended" != remote_hangup ]; then
    record FAIL "$row" "events: answered '${answered}', ended '${ended}' (see $events)"
  elif [ "${heard_by_parley##*: }" != found ]; then
    record FAIL "$row" "Parley's recording: $heard_by_parley"
  elif [ "${heard_by_baresip##*: }" != found ]; then
    record FAIL "$row" "baresip's recording: $heard_by_baresip"
  else
    record PASS "$row" "answered ($answered) over TLS on :$tls_port, baresip's BYE too; audio checked both ways"
  fi
}

# Through kamailio over TLS (both phones registered at 127.0.0.1:5071 with digest): register, then
# alice calls bob (listen --auto-answer, TLS listener with Parley's certificate, which kamailio
# verifies when it connects to deliver the INVITE). kamailio record-routes
# (sip:127.0.0.1:5071;transport=tls;lr), so the ACK and BYE come back through it over TLS: a BYE it
# cannot loose-route gets 404 and bob would never see it. Audio: alice plays 1357, bob records.
row_tls_kamailio() {
  local row="tls: parley -> kamailio (TLS) -> parley" reg_row="tls: parley register at kamailio (TLS)"
  local tlso=(--domain parley.test --registrar 127.0.0.1:5071 --password secret --transport tls
    --tls-ca "$work/tls/kamailio-cert.pem" --tls-keystore "$work/tls/parley.p12" --tls-password "$TLS_PASSWORD")
  if parley register --user carol "${tlso[@]}" --bind 127.0.0.1:$((base + 120)) >"$work/tls-kam-reg.out" 2>&1; then
    record PASS "$reg_row" "$(grep registered "$work/tls-kam-reg.out") (401 answered)"
  else
    record FAIL "$reg_row" "$(tail -n 1 "$work/tls-kam-reg.out")"
  fi
  local rec="$work/tls-kam-bob-heard.wav"
  start_bg bob-tls-kam timeout 60 "$root/parley" listen --user bob "${tlso[@]}" --bind 127.0.0.1:$((base + 121)) \
    --rtp-ports "$((base + 130))-$((base + 139))" --auto-answer --record "$rec" --duration 40 --events json
  local events; events=$(started_log bob-tls-kam)
  if ! wait_for_line "$events" '"event":"registered"' 20; then
    record FAIL "$row" "bob did not register at kamailio over TLS (see $events)"
    stop_bg bob-tls-kam
    return
  fi
  parley call sip:bob@parley.test --user alice "${tlso[@]}" --proxy 127.0.0.1:5071 --bind 127.0.0.1:$((base + 123)) \
    --rtp-ports "$((base + 130))-$((base + 139))" --play "$work/parley.wav" --duration 3 --events json --trace \
    >"$work/tls-kam-call.json" 2>"$work/tls-kam-call.err"
  local rc=$?
  wait_for_line "$events" '"event":"ended"' 10
  stop_bg bob-tls-kam
  local bob_ended heard_by_bob
  bob_ended=$(grep '"event":"ended"' "$events" | grep -o '"cause":"[^"]*"' | cut -d'"' -f4)
  heard_by_bob=$(heard "$rec" "$PARLEY_DIGITS")
  if [ $rc -ne 0 ]; then
    record FAIL "$row" "parley call exit $rc ($(tail -n 1 "$work/tls-kam-call.err"))"
  elif grep -q '◀──── 404' "$work/tls-kam-call.err"; then
    record FAIL "$row" "kamailio answered 404: an in-dialog request missed its route (see $work/tls-kam-call.err)"
  elif [ "$bob_ended" != remote_hangup ]; then
    record FAIL "$row" "bob's call ended '${bob_ended:-never}', not remote_hangup: alice's BYE did not reach him (see $events)"
  elif [ "${heard_by_bob##*: }" != found ]; then
    record FAIL "$row" "bob's recording: $heard_by_bob"
  else
    record PASS "$row" "407 answered, record-routed over TLS, the BYE reached bob; bob heard $PARLEY_DIGITS"
  fi
}

tls_rows() {
  local why
  if ! why=$(make_tls_files); then
    record FAIL "tls rows" "cannot make the certificates: $why"
    return
  fi
  if ! dtmf_audio write "$work/parley.wav" 16000 10 "$PARLEY_DIGITS"; then
    record FAIL "tls rows" "cannot build the audio probe interop/lib/DtmfAudio.java"
    return
  fi
  row_tls_parley_calls_baresip
  row_tls_baresip_calls_parley
}

tls_kamailio_rows() { # after tls_rows made the certificates; starts and stops its own kamailio
  if ! start_kamailio "$work/kamailio-tls" -A WITH_TLS -A "TLS_CONFIG=\"$work/tls/kamailio-tls.cfg\""; then
    record FAIL "tls: kamailio start" "kamailio with the tls module did not start (see $work/kamailio-tls)"
    return
  fi
  row_tls_kamailio
  stop_kamailio "$work/kamailio-tls"
}
