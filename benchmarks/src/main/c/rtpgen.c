/*
 * rtpgen: the load run's batching traffic source (dev.parley.bench.rtp.NativeGenerator starts it).
 * N RTP streams of 20 ms PCMU from ONE UDP socket on 127.0.0.1 to N ports of the engine under
 * test, counting what comes back per stream by SSRC. The same traffic as RtpGenerator (Java), but
 * every millisecond's packets leave in one sendmmsg(2) and come back in recvmmsg(2) batches, so
 * the source pays one system call per batch instead of one per packet (Linux only).
 *
 * stdout: "port <p>" at once, when the socket is bound;
 * stdin:  "payload <320 hex digits>" (the 160-byte PCMU frame every packet carries),
 *         n lines "<engine port> <echo SSRC>", then commands, one per line:
 *         "start", "stats", "stop" (stop sending, keep counting), "quit".
 * then, for each "stats":
 *         "stats <sent> <received> <rtcp> <unknown> <silent streams> <cpu ns>".
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define PERIOD_NS 20000000LL
#define BATCH_NS 1000000LL
#define PAYLOAD 160
#define HEADER 12
#define SEND_BATCH 1024
#define RECV_BATCH 64

static long long now_ns(clockid_t c) {
    struct timespec t;
    clock_gettime(c, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

typedef struct { uint32_t ssrc; int stream; } ssrc_entry;

static int by_ssrc(const void *a, const void *b) {
    uint32_t x = ((const ssrc_entry *) a)->ssrc, y = ((const ssrc_entry *) b)->ssrc;
    return x < y ? -1 : x > y;
}

int main(void) {
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    int size = 8 << 20;
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
    struct sockaddr_in self = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof self;
    if (fd < 0 || bind(fd, (struct sockaddr *) &self, sizeof self) < 0 || getsockname(fd, (struct sockaddr *) &self, &len) < 0) {
        perror("rtpgen: socket");
        return 1;
    }
    printf("port %d\n", ntohs(self.sin_port));
    fflush(stdout);
    int n = 0, cap = 1024;
    int *ports = malloc(cap * sizeof(int));
    ssrc_entry *echo = malloc(cap * sizeof(ssrc_entry));
    char line[512];
    unsigned char payload[PAYLOAD];
    if (!fgets(line, sizeof line, stdin) || strncmp(line, "payload ", 8) != 0 || strlen(line) < 8 + 2 * PAYLOAD) {
        fprintf(stderr, "rtpgen: expected 'payload <320 hex digits>'\n");
        return 2;
    }
    for (int i = 0; i < PAYLOAD; i++) {
        unsigned byte;
        if (sscanf(line + 8 + 2 * i, "%2x", &byte) != 1) {
            fprintf(stderr, "rtpgen: bad payload hex\n");
            return 2;
        }
        payload[i] = (unsigned char) byte;
    }
    /* Stream lines until the first command. */
    while (fgets(line, sizeof line, stdin)) {
        unsigned port, ssrc;
        if (sscanf(line, "%u %u", &port, &ssrc) != 2) {
            break;
        }
        if (n == cap) {
            cap *= 2;
            ports = realloc(ports, cap * sizeof(int));
            echo = realloc(echo, cap * sizeof(ssrc_entry));
        }
        ports[n] = (int) port;
        echo[n].ssrc = ssrc;
        echo[n].stream = n;
        n++;
    }
    if (n == 0 || strncmp(line, "start", 5) != 0) {
        fprintf(stderr, "rtpgen: expected stream lines then 'start'\n");
        return 2;
    }
    qsort(echo, n, sizeof(ssrc_entry), by_ssrc);

    /* Commands are read without stdio from here on: the load run sends none until well after "start",
     * so stdio's buffer holds nothing past that line. */
    fcntl(0, F_SETFL, fcntl(0, F_GETFL) | O_NONBLOCK);

    struct sockaddr_in *to = calloc(n, sizeof *to);
    long long *due = malloc(n * sizeof(long long));
    uint16_t *seq = malloc(n * sizeof(uint16_t));
    uint32_t *ts = malloc(n * sizeof(uint32_t));
    long long *sent = calloc(n, sizeof(long long));
    long long *back = calloc(n, sizeof(long long));
    long long start = now_ns(CLOCK_MONOTONIC) + PERIOD_NS;
    for (int i = 0; i < n; i++) {
        to[i].sin_family = AF_INET;
        to[i].sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        to[i].sin_port = htons((uint16_t) ports[i]);
        due[i] = start + (long long) i * PERIOD_NS / n;
        seq[i] = (uint16_t) (i * 7919);
        ts[i] = (uint32_t) i * 104729u;
    }
    static unsigned char out[SEND_BATCH][HEADER + PAYLOAD];
    static struct iovec out_iov[SEND_BATCH];
    static struct mmsghdr out_msg[SEND_BATCH];
    static int out_stream[SEND_BATCH];
    static unsigned char in[RECV_BATCH][2048];
    static struct iovec in_iov[RECV_BATCH];
    static struct mmsghdr in_msg[RECV_BATCH];
    for (int k = 0; k < RECV_BATCH; k++) {
        in_iov[k].iov_base = in[k];
        in_iov[k].iov_len = sizeof in[k];
        in_msg[k].msg_hdr.msg_iov = &in_iov[k];
        in_msg[k].msg_hdr.msg_iovlen = 1;
    }
    long long total_sent = 0, received = 0, rtcp = 0, unknown = 0;
    int sending = 1, next = 0;
    char cmd[256];
    size_t cmd_len = 0;
    for (;;) {
        long long now = now_ns(CLOCK_MONOTONIC);
        int m = 0;
        while (sending && due[next] - now <= 0 && m < SEND_BATCH) {
            int i = next;
            next = next + 1 == n ? 0 : next + 1;
            unsigned char *p = out[m];
            p[0] = 0x80; /* RFC 3550 §5.1: V=2 */
            p[1] = sent[i] == 0 ? 0x80 : 0x00; /* marker on the first packet; PT 0 (PCMU) */
            p[2] = seq[i] >> 8; p[3] = seq[i] & 0xFF;
            p[4] = ts[i] >> 24; p[5] = ts[i] >> 16; p[6] = ts[i] >> 8; p[7] = ts[i];
            uint32_t ssrc = 0x10000u + (uint32_t) i;
            p[8] = ssrc >> 24; p[9] = ssrc >> 16; p[10] = ssrc >> 8; p[11] = ssrc;
            memcpy(p + HEADER, payload, PAYLOAD);
            out_iov[m].iov_base = p;
            out_iov[m].iov_len = HEADER + PAYLOAD;
            memset(&out_msg[m].msg_hdr, 0, sizeof out_msg[m].msg_hdr);
            out_msg[m].msg_hdr.msg_name = &to[i];
            out_msg[m].msg_hdr.msg_namelen = sizeof to[i];
            out_msg[m].msg_hdr.msg_iov = &out_iov[m];
            out_msg[m].msg_hdr.msg_iovlen = 1;
            out_stream[m] = i;
            seq[i]++;
            ts[i] += PAYLOAD;
            due[i] += PERIOD_NS;
            m++;
        }
        for (int done = 0; done < m;) {
            int r = sendmmsg(fd, out_msg + done, m - done, 0);
            if (r <= 0) {
                break; /* socket buffer full: the rest of this batch is dropped, counted as not sent */
            }
            for (int k = done; k < done + r; k++) {
                sent[out_stream[k]]++;
            }
            total_sent += r;
            done += r;
        }
        for (;;) {
            int r = recvmmsg(fd, in_msg, RECV_BATCH, MSG_DONTWAIT, NULL);
            if (r <= 0) {
                break;
            }
            for (int k = 0; k < r; k++) {
                unsigned len = in_msg[k].msg_len;
                unsigned char *p = in[k];
                if (len < HEADER) { unknown++; continue; }
                if (p[1] >= 192 && p[1] <= 223) { rtcp++; continue; } /* RFC 5761 §4 */
                ssrc_entry key = {.ssrc = (uint32_t) p[8] << 24 | p[9] << 16 | p[10] << 8 | p[11]};
                ssrc_entry *e = bsearch(&key, echo, n, sizeof(ssrc_entry), by_ssrc);
                if (e == NULL) { unknown++; continue; }
                back[e->stream]++;
                received++;
            }
        }
        ssize_t got = read(0, cmd + cmd_len, sizeof cmd - 1 - cmd_len);
        if (got == 0) {
            return 0; /* the load run is gone */
        }
        if (got > 0) {
            cmd_len += (size_t) got;
            char *nl;
            while ((nl = memchr(cmd, '\n', cmd_len)) != NULL) {
                *nl = 0;
                if (strcmp(cmd, "stats") == 0) {
                    int silent = 0;
                    for (int i = 0; i < n; i++) silent += back[i] == 0;
                    printf("stats %lld %lld %lld %lld %d %lld\n", total_sent, received, rtcp, unknown, silent,
                           now_ns(CLOCK_PROCESS_CPUTIME_ID));
                    fflush(stdout);
                } else if (strcmp(cmd, "stop") == 0) {
                    sending = 0;
                } else if (strcmp(cmd, "quit") == 0) {
                    return 0;
                }
                size_t used = (size_t) (nl - cmd) + 1;
                memmove(cmd, nl + 1, cmd_len - used);
                cmd_len -= used;
            }
            if (cmd_len == sizeof cmd - 1) cmd_len = 0; /* a line too long: dropped */
        }
        long long wait = BATCH_NS - (now_ns(CLOCK_MONOTONIC) - now);
        if (wait > 0) {
            struct timespec t = {0, wait};
            nanosleep(&t, NULL);
        }
    }
}
