#!/usr/bin/env bash
# Sourced by interop scripts: the audio probe lib/DtmfAudio.java (Parley's own codecs module).
# Needs $root (the repository) and $work (compiled once into $work/classes).
#   dtmf_audio write OUT.wav RATE SECONDS DIGITS    a WAV holding DIGITS as in-band DTMF
#   heard WAV DIGITS                                one line ending ": found" when DIGITS are heard

dtmf_audio() { # write|check ARGS...: the audio probe, compiled once into $work/classes
  local jar="$root/softphone/target/parley.jar"
  if [ ! -f "$work/classes/DtmfAudio.class" ]; then
    javac -d "$work/classes" -cp "$jar" "$root/interop/lib/DtmfAudio.java" || return 2
  fi
  java -cp "$jar:$work/classes" DtmfAudio "$@"
}

heard() { # WAV DIGITS: one line, ending in ": found" when DIGITS were heard in WAV
  if [ -z "$1" ] || [ ! -f "$1" ]; then
    echo "no recording: NOT found"
    return
  fi
  dtmf_audio check "$1" "$2" 2>&1 | tail -n 1
}

