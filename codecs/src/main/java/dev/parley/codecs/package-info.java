/**
 * Audio codecs (G.711, G.722), packet loss concealment, resampling, tones and WAV files.
 */
package dev.parley.codecs;
