#!/usr/bin/env bash
# Sourced by interop scripts: baresip_config DIR SIP_PORT RTP_PORTS SOURCE_WAV RATE ACCOUNT_LINE
# Writes a baresip 1.0.0 configuration directory for a headless peer on loopback
# (INTEROP-NOTES: no sound card, no DNS, `-n lo` fails):
#   - SIP on 127.0.0.1:SIP_PORT (baresip also opens TLS on SIP_PORT + 1), net_interface 127.0.0.1;
#   - audio source: the aufile module playing SOURCE_WAV, a mono WAV at RATE Hz (ausrc_srate must
#     be the WAV's rate; baresip hangs up when the file ends, so make it longer than the call);
#   - audio player: aubridge (a software device; nothing reads it), so no sound card is needed;
#   - what baresip receives is written by the sndfile filter to DIR/dump-<time>-dec.wav (and
#     what it sends to ...-enc.wav), at the codec's rate;
#   - codecs G.722 and G.711 only, the account line as given (e.g. with ;answermode=auto).
# The caller starts `baresip -f DIR -t SECONDS` itself, by PID.

baresip_config() {
  local dir=$1 port=$2 rtp=$3 wav=$4 rate=$5 account=$6
  mkdir -p "$dir"
  cat >"$dir/config" <<EOF
poll_method		epoll
sip_listen		127.0.0.1:$port
call_local_timeout	30
call_max_calls		2
audio_path		/usr/share/baresip
audio_source		aufile,$wav
audio_player		aubridge,interop
audio_alert		aubridge,interop
ausrc_srate		$rate
ausrc_channels		1
auplay_srate		$rate
auplay_channels		1
rtp_ports		$rtp
rtcp_mux		no
jitter_buffer_delay	2-10
net_interface		127.0.0.1
module_path		/usr/lib/baresip/modules
module			g722.so
module			g711.so
module			aufile.so
module			aubridge.so
module			sndfile.so
module_tmp		account.so
module_app		menu.so
snd_path		$dir
EOF
  printf '%s\n' "$account" >"$dir/accounts"
  : >"$dir/contacts"
}

baresip_recording() { # DIR: the newest file baresip wrote with what it received
  ls -t "$1"/dump-*-dec.wav 2>/dev/null | head -n 1
}
