/**
 * Audio codecs (G.711, G.722), packet loss concealment, resampling, tones, DTMF detection and WAV
 * files.
 *
 * <p>Threads: {@link dev.parley.codecs.AudioCodec} instances, {@link dev.parley.codecs.Tone} and
 * {@link dev.parley.codecs.Cadence} are immutable and may be shared. Encoders, decoders,
 * resamplers, tone generators and DTMF detectors carry one stream's state and must be used by one
 * thread at a time; none of them allocates per frame.
 */
package dev.parley.codecs;
