package dev.parley.bench.rtp;

import java.lang.management.ManagementFactory;

/**
 * The engines' selector threads (named {@code parley-media-N}), for their CPU time and allocated
 * bytes: the engine's cost per packet without the JIT compiler, the garbage collector or the
 * harness counted in.
 */
final class MediaThreads {

    private final long[] ids;
    private final String prefix;
    private final com.sun.management.ThreadMXBean bean =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private MediaThreads(long[] ids, String prefix) {
        this.ids = ids;
        this.prefix = prefix;
    }

    /** The engines' selector threads. */
    static MediaThreads find() {
        return named("parley-media-");
    }

    /** The live threads whose names start with {@code prefix} (e.g. the load generator's). */
    static MediaThreads named(String prefix) {
        long[] ids = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix))
                .mapToLong(Thread::getId)
                .toArray();
        return new MediaThreads(ids, prefix);
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
        return new long[] {cpu, bytes, user, contextSwitches()};
    }

    /**
     * Voluntary context switches of the selector threads so far (Linux {@code /proc}; 0 elsewhere):
     * each is the thread going to sleep in the selector, so each is also one wake-up.
     */
    long contextSwitches() {
        long total = 0;
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return 0;
        }
        for (java.io.File task : tasks) {
            try {
                String comm = java.nio.file.Files.readString(task.toPath().resolve("comm")).trim();
                if (!comm.startsWith(prefix)) {
                    continue;
                }
                for (String line : java.nio.file.Files.readAllLines(task.toPath().resolve("status"))) {
                    if (line.startsWith("voluntary_ctxt_switches:")) {
                        total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                    }
                }
            } catch (java.io.IOException | NumberFormatException e) {
                // the thread ended or /proc differs: count what can be read
            }
        }
        return total;
    }
}
