package io.thumbler.ops;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free latency histogram in whole milliseconds, in the manner of HdrHistogram: exact below
 * 16 ms, then 16 buckets per power of two, so a percentile is off by at most 1/16 (6.25 %) of its
 * value. Recording is one atomic increment, so request threads never contend on a lock; values
 * above {@link #MAX_MILLIS} (about 4.6 hours) count as the maximum.
 *
 * <p>A percentile read while other threads record is a consistent-enough view for monitoring: each
 * bucket is read once, and a record that lands meanwhile is either in it or not.
 */
public final class LatencyHistogram {

    /** Sub-buckets per power of two; also the bound below which every millisecond has its own bucket. */
    private static final int SUB_BUCKETS = 16;
    private static final int SUB_BITS = 4;
    private static final int MAX_EXPONENT = 24;
    /** The largest value told apart from larger ones. */
    public static final long MAX_MILLIS = (1L << MAX_EXPONENT) - 1;

    private final AtomicLongArray counts = new AtomicLongArray(SUB_BUCKETS + (MAX_EXPONENT - SUB_BITS) * SUB_BUCKETS);

    /** Adds one observation; negative values count as 0. */
    public void record(long millis) {
        counts.incrementAndGet(indexOf(Math.min(Math.max(millis, 0), MAX_MILLIS)));
    }

    /** How many values were recorded. */
    public long count() {
        long n = 0;
        for (int i = 0; i < counts.length(); i++) {
            n += counts.get(i);
        }
        return n;
    }

    /**
     * The value at or below which {@code percentile} percent of the observations lie, as the upper
     * bound of its bucket (never an underestimate); 0 when nothing was recorded.
     *
     * @param percentile between 0 (exclusive) and 100 (inclusive), e.g. 95 or 99.9
     */
    public long percentile(double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("a percentile must be in (0, 100], not " + percentile);
        }
        long[] snapshot = new long[counts.length()];
        long total = 0;
        for (int i = 0; i < snapshot.length; i++) {
            snapshot[i] = counts.get(i);
            total += snapshot[i];
        }
        return percentileOf(snapshot, total, percentile);
    }

    /** Adds this histogram's counts to {@code into}, for merging windows. */
    void addTo(long[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] += counts.get(i);
        }
    }

    int bucketCount() {
        return counts.length();
    }

    static long percentileOf(long[] counts, long total, double percentile) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(total * percentile / 100.0);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return upperBoundOf(i);
            }
        }
        return MAX_MILLIS;
    }

    static int indexOf(long value) {
        if (value < SUB_BUCKETS) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value); // >= SUB_BITS
        int sub = (int) (value >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1);
        return SUB_BUCKETS + (exponent - SUB_BITS) * SUB_BUCKETS + sub;
    }

    /** The largest value that falls into bucket {@code index}. */
    static long upperBoundOf(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int exponent = (index - SUB_BUCKETS) / SUB_BUCKETS + SUB_BITS;
        int sub = (index - SUB_BUCKETS) % SUB_BUCKETS;
        long width = 1L << (exponent - SUB_BITS);
        return (1L << exponent) + (sub + 1) * width - 1;
    }
}
