#!/usr/bin/env bash
# Sourced by interop/run: baresip 1.0.0 rows, run while kamailio (lib/kamailio.sh) is up.
# Needs from run: $root, $work, $base, parley(), start_bg/stop_bg/wait_for_line/record.
#
# Audio is checked both ways with in-band DTMF sequences (lib/DtmfAudio.java, Parley's own codecs
# module): baresip's aufile source plays 2468, Parley plays 1357. A row passes only when Parley's
# recording holds 2468 (baresip's audio reached Parley, decoded with the negotiated codec) and
# baresip's sndfile dump of what it decoded holds 1357 (Parley's audio reached baresip).
#
# Ports (127.0.0.1): baresip SIP $base+40 (and TLS $base+41), RTP $base+50..59; Parley SIP
# $base+42/43, RTP $base+60..69; kamailio 5070.

BARESIP_DIGITS=2468
PARLEY_DIGITS=1357

# Starts baresip NAME registered to kamailio as user baresip with the aufile source SOURCE_WAV at
# RATE Hz (INTEROP-NOTES: the WAV's rate must be ausrc_srate; baresip 1.0.0's own resampler turns
# a 16 kHz DTMF source sent as PCMU into a single wrong key, so each codec gets its native rate).
# Extra baresip arguments follow. Returns 1 if it does not register within 20 s.
start_baresip() { # NAME RATE SOURCE_WAV [BARESIP_ARGS...]
  local name=$1 rate=$2 wav=$3; shift 3
  local dir="$work/$name"
  baresip_config "$dir" $((base + 40)) "$((base + 50))-$((base + 59))" "$wav" "$rate" \
    '<sip:baresip@parley.test>;auth_pass=secret;outbound="sip:127.0.0.1:5070";answermode=auto;regint=60'
  start_bg "$name" timeout 60 baresip -f "$dir" -t 50 "$@"
  wait_for_line "$(started_log "$name")" 'baresip@parley.test: .*200 OK' 20
}

# parley call -> kamailio -> baresip (auto-answer) with only CODEC offered.
row_parley_calls_baresip() { # CODEC(g722|pcmu) RTPMAP-NAME RATE
  local codec=$1 name=$2 rate=$3 row="baresip: parley call -> baresip ($2)"
  local src="$work/baresip-$rate.wav" rec="$work/parley-heard-$codec.wav"
  dtmf_audio write "$src" "$rate" 30 "$BARESIP_DIGITS" || { record FAIL "$row" "cannot write $src"; return; }
  if ! start_baresip "baresip-$codec" "$rate" "$src"; then
    record FAIL "$row" "baresip did not register at kamailio (see $(started_log "baresip-$codec"))"
    stop_bg "baresip-$codec"
    return
  fi
  parley call sip:baresip@parley.test --user alice --domain parley.test --password secret \
    --registrar 127.0.0.1:5070 --proxy 127.0.0.1:5070 --bind 127.0.0.1:$((base + 42)) \
    --rtp-ports "$((base + 60))-$((base + 69))" --codecs "$codec" --play "$work/parley.wav" \
    --record "$rec" --duration 4 --events json >"$work/call-$codec.json" 2>"$work/call-$codec.err"
  local rc=$?
  stop_bg "baresip-$codec"
  local negotiated heard_by_parley heard_by_baresip dump
  negotiated=$(grep '"event":"answered"' "$work/call-$codec.json" | grep -o '"codec":"[^"]*"' | cut -d'"' -f4)
  dump=$(baresip_recording "$work/baresip-$codec")
  heard_by_parley=$(heard "$rec" "$BARESIP_DIGITS")
  heard_by_baresip=$(heard "$dump" "$PARLEY_DIGITS")
  if [ $rc -ne 0 ]; then
    record FAIL "$row" "parley call exit $rc ($(tail -n 1 "$work/call-$codec.err"))"
  elif [ "${negotiated%%/*}" != "$name" ]; then
    record FAIL "$row" "answered with codec '${negotiated:-none}', expected $name"
  elif [ "${heard_by_parley##*: }" != found ]; then
    record FAIL "$row" "Parley's recording: $heard_by_parley"
  elif [ "${heard_by_baresip##*: }" != found ]; then
    record FAIL "$row" "baresip's recording: $heard_by_baresip"
  else
    record PASS "$row" "$negotiated; Parley heard baresip's $BARESIP_DIGITS, baresip heard Parley's $PARLEY_DIGITS"
  fi
}

# baresip dials parley (listen --auto-answer, registered as user parley) through kamailio; baresip
# hangs up when its 4 s source WAV ends.
row_baresip_calls_parley() {
  local row="baresip: baresip -> parley listen"
  local src="$work/baresip-short.wav" rec="$work/parley-heard-incoming.wav"
  dtmf_audio write "$src" 16000 4 "$BARESIP_DIGITS" || { record FAIL "$row" "cannot write $src"; return; }
  start_bg listen-baresip timeout 60 "$root/parley" listen --user parley --domain parley.test \
    --password secret --registrar 127.0.0.1:5070 --bind 127.0.0.1:$((base + 43)) \
    --rtp-ports "$((base + 60))-$((base + 69))" --auto-answer --play "$work/parley.wav" \
    --record "$rec" --duration 40 --events json
  local events; events=$(started_log listen-baresip)
  if ! wait_for_line "$events" '"event":"registered"' 20; then
    record FAIL "$row" "parley listen did not register (see $events)"
    stop_bg listen-baresip
    return
  fi
  if ! start_baresip baresip-dials 16000 "$src" -e '/dial sip:parley@parley.test'; then
    record FAIL "$row" "baresip did not register at kamailio (see $(started_log baresip-dials))"
    stop_bg baresip-dials
    stop_bg listen-baresip
    return
  fi
  wait_for_line "$events" '"event":"ended"' 25
  stop_bg baresip-dials
  stop_bg listen-baresip
  local answered ended heard_by_parley heard_by_baresip
  answered=$(grep '"event":"answered"' "$events" | grep -o '"codec":"[^"]*"' | cut -d'"' -f4)
  ended=$(grep '"event":"ended"' "$events" | grep -o '"cause":"[^"]*"' | cut -d'"' -f4)
  heard_by_parley=$(heard "$rec" "$BARESIP_DIGITS")
  heard_by_baresip=$(heard "$(baresip_recording "$work/baresip-dials")" "$PARLEY_DIGITS")
  if ! grep -q '"event":"incoming".*"from":"sip:baresip@parley.test"' "$events"; then
    record FAIL "$row" "no incoming call from baresip in Parley's events (see $events)"
  elif [ -z "$answered" ] || [ -z "$ended" ]; then
    record FAIL "$row" "events: answered '${answered}', ended '${ended}' (see $events)"
  elif [ "${heard_by_parley##*: }" != found ]; then
    record FAIL "$row" "Parley's recording: $heard_by_parley"
  elif [ "${heard_by_baresip##*: }" != found ]; then
    record FAIL "$row" "baresip's recording: $heard_by_baresip"
  else
    record PASS "$row" "answered ($answered), ended ($ended); audio checked both ways"
  fi
}

baresip_rows() {
  if ! dtmf_audio write "$work/parley.wav" 16000 10 "$PARLEY_DIGITS"; then
    record FAIL "baresip rows" "cannot build the audio probe interop/lib/DtmfAudio.java"
    return
  fi
  row_parley_calls_baresip g722 G722 16000
  row_parley_calls_baresip pcmu PCMU 8000
  row_baresip_calls_parley
}
