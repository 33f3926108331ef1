/*
 * Anchor for CodecBenchmark: spandsp's G.711 and G.722 on the same machine, same frame sizes.
 * One operation is one 20 ms frame (160 samples at 8 kHz for G.711, 320 at 16 kHz for G.722),
 * cycling through 2 s of speech-like audio. Prints frames per second of this thread's CPU time
 * (CLOCK_THREAD_CPUTIME_ID, so that a loaded machine slows the figure less than wall time would)
 * and samples per CPU second, the median of 5 runs of 2 CPU seconds each.
 * Build and run with ./run-spandsp.sh (needs Debian's libspandsp-dev).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <spandsp.h>

#define FRAMES 100
#define RUNS 5
#define RUN_SECONDS 2.0

static int16_t narrow[160 * FRAMES];
static int16_t wide[320 * FRAMES];
static uint8_t ulaw[160 * FRAMES], alaw[160 * FRAMES], g722[160 * FRAMES];
static int16_t pcm_out[320];
static uint8_t code_out[160];
static volatile unsigned sink;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Voiced harmonics with a moving envelope and a little noise, about -10 dBFS (as TestSignal.java). */
static void speech_like(int16_t *pcm, int rate, int samples) {
    double phase = 0;
    uint32_t seed = 7;
    for (int i = 0; i < samples; i++) {
        double t = (double) i / rate;
        double pitch = 120 + 30 * sin(2 * M_PI * 1.3 * t);
        phase += 2 * M_PI * pitch / rate;
        double voiced = 0;
        for (int h = 1; h <= 12 && h * pitch < rate / 2.0; h++) voiced += sin(h * phase) / h;
        double envelope = 0.5 + 0.5 * sin(2 * M_PI * 3 * t);
        seed = seed * 1664525u + 1013904223u;
        double noise = (seed >> 8) / 16777216.0 - 0.5;
        double s = 6000 * envelope * voiced + 300 * noise;
        pcm[i] = (int16_t) (s > 32767 ? 32767 : s < -32768 ? -32768 : lround(s));
    }
}

static g722_encode_state_t *g722_enc;
static g722_decode_state_t *g722_dec;

static void op_ulaw_encode(int f) {
    for (int i = 0; i < 160; i++) code_out[i] = linear_to_ulaw(narrow[160 * f + i]);
    sink += code_out[f];
}
static void op_ulaw_decode(int f) {
    for (int i = 0; i < 160; i++) pcm_out[i] = ulaw_to_linear(ulaw[160 * f + i]);
    sink += pcm_out[f];
}
static void op_alaw_encode(int f) {
    for (int i = 0; i < 160; i++) code_out[i] = linear_to_alaw(narrow[160 * f + i]);
    sink += code_out[f];
}
static void op_alaw_decode(int f) {
    for (int i = 0; i < 160; i++) pcm_out[i] = alaw_to_linear(alaw[160 * f + i]);
    sink += pcm_out[f];
}
static void op_g722_encode(int f) {
    sink += g722_encode(g722_enc, code_out, wide + 320 * f, 320);
}
static void op_g722_decode(int f) {
    sink += g722_decode(g722_dec, pcm_out, g722 + 160 * f, 160);
}

static int compare(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

static void measure(const char *name, void (*op)(int), int samples_per_frame) {
    double rates[RUNS];
    for (int r = 0; r < RUNS; r++) {
        long frames = 0;
        double start = now(), elapsed;
        do {
            for (int k = 0; k < 1000; k++) op((int) (frames++ % FRAMES));
            elapsed = now() - start;
        } while (elapsed < RUN_SECONDS);
        rates[r] = frames / elapsed;
    }
    qsort(rates, RUNS, sizeof rates[0], compare);
    printf("%-12s %12.0f frames/cpu-s  %8.1f M samples/cpu-s  (min %.0f, max %.0f)\n", name, rates[RUNS / 2],
           rates[RUNS / 2] * samples_per_frame / 1e6, rates[0], rates[RUNS - 1]);
}

int main(void) {
    speech_like(narrow, 8000, 160 * FRAMES);
    speech_like(wide, 16000, 320 * FRAMES);
    for (int i = 0; i < 160 * FRAMES; i++) {
        ulaw[i] = linear_to_ulaw(narrow[i]);
        alaw[i] = linear_to_alaw(narrow[i]);
    }
    g722_enc = g722_encode_init(NULL, 64000, 0);
    g722_dec = g722_decode_init(NULL, 64000, 0);
    g722_encode_state_t *setup = g722_encode_init(NULL, 64000, 0);
    g722_encode(setup, g722, wide, 320 * FRAMES);

    measure("ulawEncode", op_ulaw_encode, 160);
    measure("ulawDecode", op_ulaw_decode, 160);
    measure("alawEncode", op_alaw_encode, 160);
    measure("alawDecode", op_alaw_decode, 160);
    measure("g722Encode", op_g722_encode, 320);
    measure("g722Decode", op_g722_decode, 320);
    return sink == 42 ? 1 : 0;
}
