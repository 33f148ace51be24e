package io.thumbler.image;

import java.lang.management.ManagementFactory;

/**
 * Test helper: the bytes the current thread allocates while running a piece of code, as the JVM
 * counts them (HotSpot's per-thread allocation counter). A check of work not done — a chunk not
 * inflated, a file not copied — that does not depend on how fast the machine is.
 */
public final class ThreadAllocation {

    private ThreadAllocation() {
    }

    public static long during(Runnable work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        work.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }
}
