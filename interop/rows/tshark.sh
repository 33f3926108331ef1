#!/usr/bin/env bash
# Sourced by interop/run: Wireshark's dissectors (tshark) judge a capture of a Parley call.
# Needs from run: $root, $work, $base, parley(), start_bg/stop_bg/wait_for_line/record, and
# lib/dtmf-audio.sh. Capturing on lo needs root or CAP_NET_RAW.
#
# parley call (G.722, DTMF 1234# as RFC 4733 events) -> parley listen --auto-answer, directly on
# 127.0.0.1, captured with a port filter. tshark is told that the two SIP ports carry SIP
# (INTEROP-NOTES: it guesses other protocols on unusual ports); RTP and RTCP are left for it to
# find from the SDP in the capture, so Parley's SDP is checked too. PASS only when
#   - SIP was decoded: INVITE, ACK, BYE and at least two 200 responses;
#   - RTP was decoded in both directions (two SSRCs, each >= 50 packets) and the DTMF events;
#   - no frame has an expert item of severity warning or error, and none is malformed;
#   - Wireshark's RTP stream analysis (-z rtp,streams) flags no stream (sequence, timestamp).
# Ports: Parley SIP $base+70 (caller) and $base+71 (callee), RTP $base+72..79 and $base+80..89.

row_tshark_capture() {
  local row="tshark: capture of a parley call"
  local caller=$((base + 70)) callee=$((base + 71)) cap="$work/parley-call.pcapng"
  local decode=(-d "udp.port==$caller,sip" -d "udp.port==$callee,sip")
  if ! dtmf_audio write "$work/tshark-play.wav" 16000 5 1357; then
    record FAIL "$row" "cannot build the audio probe interop/lib/DtmfAudio.java"
    return
  fi
  start_bg tshark timeout 120 tshark -i lo -n -f "udp portrange $caller-$((base + 89))" -w "$cap" -a duration:100
  # tshark prints "Capturing on" before the capture runs; "File:" comes once packets are kept.
  if ! wait_for_line "$(started_log tshark)" 'File:' 30; then
    stop_bg tshark
    if grep -qi 'permission' "$(started_log tshark)" && [ "${CI:-}" != true ]; then
      record SKIPPED "$row" "capturing on lo needs root or CAP_NET_RAW: $(grep -i -m 1 permission "$(started_log tshark)")"
    else
      record FAIL "$row" "the capture did not start (see $(started_log tshark))"
    fi
    return
  fi
  start_bg listen-tshark timeout 60 "$root/parley" listen --user bob --bind 127.0.0.1:$callee \
    --rtp-ports "$((base + 80))-$((base + 89))" --auto-answer --play "$work/tshark-play.wav" --duration 40
  wait_for_line "$(started_log listen-tshark)" '^listening on ' 30
  parley call sip:bob@127.0.0.1:$callee --user alice --bind 127.0.0.1:$caller \
    --rtp-ports "$((base + 72))-$((base + 79))" --codecs g722 --play "$work/tshark-play.wav" \
    --dtmf '1234#' --duration 3 >"$work/tshark-call.out" 2>&1
  local rc=$?
  # The call has ended, but the last packets (the BYE, its 200, RTCP BYEs) may not be in the file
  # yet: stopping the capture at once lost them once (4 SIP frames, no BYE). Wait, at most about
  # 5 s, until the BYE's 200 has been written.
  local i
  for i in 1 2 3 4 5 6 7 8 9 10; do
    tshark -r "$cap" -n "${decode[@]}" -Y 'sip.CSeq.method == "BYE" && sip.Status-Code == 200' 2>/dev/null | grep -q . && break
    sleep 0.5
  done
  stop_bg listen-tshark
  stop_bg tshark
  if [ $rc -ne 0 ]; then
    record FAIL "$row" "parley call exit $rc ($(tail -n 1 "$work/tshark-call.out"))"
    return
  fi

  # One pass for the counts: the protocol stack of each frame, SIP method/status, RTP SSRC.
  if ! tshark -r "$cap" -n "${decode[@]}" -T fields -E separator='|' \
      -e frame.protocols -e sip.Method -e sip.Status-Code -e rtp.ssrc \
      >"$work/tshark-fields.txt" 2>"$work/tshark-fields.err"; then
    record FAIL "$row" "tshark cannot read the capture ($(tail -n 1 "$work/tshark-fields.err"))"
    return
  fi
  local counts
  counts=$(awk -F'|' '
    $1 ~ /:sip(:|$)/ { sip++ }
    $2 == "INVITE" { inv++ } $2 == "ACK" { ack++ } $2 == "BYE" { bye++ } $3 == "200" { ok++ }
    $1 ~ /:rtp(:|$)/ && $4 != "" { rtp++; per[$4]++ }
    $1 ~ /:rtpevent(:|$)/ { ev++ }
    $1 ~ /:rtcp(:|$)/ { rtcp++ }
    END {
      n = 0; least = -1
      for (s in per) { n++; if (least < 0 || per[s] < least) least = per[s] }
      printf "%d %d %d %d %d %d %d %d %d %d\n", sip, inv, ack, bye, ok, rtp, n, least, ev, rtcp
    }' "$work/tshark-fields.txt")
  local sip inv ack bye ok rtp ssrcs least events rtcp
  read -r sip inv ack bye ok rtp ssrcs least events rtcp <<<"$counts"

  # One pass for the verdict. A filter tshark does not understand exits non-zero: never a PASS.
  local bad
  if ! bad=$(tshark -r "$cap" -n "${decode[@]}" -Y '_ws.expert.severity >= warning || _ws.malformed' \
      -T fields -e frame.number -e _ws.expert.message 2>"$work/tshark-expert.err"); then
    record FAIL "$row" "tshark rejected the expert filter ($(tail -n 1 "$work/tshark-expert.err"))"
    return
  fi
  tshark -r "$cap" -n "${decode[@]}" -q -z expert >"$work/tshark-expert.txt" 2>/dev/null
  # Wireshark's RTP stream analysis marks a stream "X" for sequence or timestamp errors.
  local streams flagged
  tshark -r "$cap" -n "${decode[@]}" -q -z rtp,streams >"$work/tshark-rtp-streams.txt" 2>/dev/null
  read -r streams flagged <<<"$(awk '/ 0x[0-9A-Fa-f]+ / { n++; if ($NF == "X") x++ } END { print n + 0, x + 0 }' \
    "$work/tshark-rtp-streams.txt")"

  local seen="$sip SIP ($inv INVITE, $ack ACK, $bye BYE, $ok 200), $rtp RTP in $ssrcs streams, $events RFC 4733, $rtcp RTCP"
  if [ -n "$bad" ]; then
    record FAIL "$row" "expert items: $(echo "$bad" | head -n 3 | tr '\t\n' ' ;') (see $work/tshark-expert.txt)"
  elif [ "$sip" -eq 0 ] || [ "$inv" -lt 1 ] || [ "$ack" -lt 1 ] || [ "$bye" -lt 1 ] || [ "$ok" -lt 2 ]; then
    record FAIL "$row" "SIP not decoded as expected: $seen"
  elif [ "$ssrcs" -lt 2 ] || [ "$least" -lt 50 ] || [ "$events" -lt 1 ]; then
    record FAIL "$row" "RTP not decoded as expected: $seen"
  elif [ "$streams" -ne "$ssrcs" ] || [ "$flagged" -ne 0 ]; then
    record FAIL "$row" "RTP stream analysis: $flagged of $streams streams with sequence or timestamp problems (see $work/tshark-rtp-streams.txt)"
  else
    record PASS "$row" "no malformed or warning items, no RTP stream problems; $seen"
  fi
}
