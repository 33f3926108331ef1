package dev.parley.bench.rtp;

import java.lang.management.ManagementFactory;

/**
 * The engines' selector threads (named {@code parley-media-N}), for their CPU time and allocated
 * bytes: the engine's cost per packet without the JIT compiler, the garbage collector or the
 * harness counted in.
 */
final class MediaThreads {

    private final long[] ids;
    private final com.sun.management.ThreadMXBean bean =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private MediaThreads(long[] ids) {
        this.ids = ids;
    }

    static MediaThreads find() {
        long[] ids = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("parley-media-"))
                .mapToLong(Thread::getId)
                .toArray();
        return new MediaThreads(ids);
    }

    /** Total CPU nanoseconds, bytes allocated and user-mode CPU nanoseconds of the threads so far. */
    long[] cpuAndAllocated() {
        long cpu = 0;
        long bytes = 0;
        long user = 0;
        for (long id : ids) {
            cpu += Math.max(0, bean.getThreadCpuTime(id));
            bytes += Math.max(0, bean.getThreadAllocatedBytes(id));
            user += Math.max(0, bean.getThreadUserTime(id));
        }
        return new long[] {cpu, bytes, user};
    }
}
