package io.thumbler.edge;

import io.thumbler.jmx.Description;

/** {@code io.thumbler:type=CloudFront}: the invalidations this node sent after purges. */
@Description("CloudFront invalidations sent after purges by this node")
public interface CloudFrontMXBean {

    @Description("Whether THUMBLER_CLOUDFRONT_DISTRIBUTION_ID is set: purges invalidate the recorded paths")
    boolean isEnabled();

    @Description("CreateInvalidation calls CloudFront accepted since start")
    long getInvalidations();

    @Description("Paths in those calls")
    long getInvalidatedPaths();

    @Description("CreateInvalidation calls that failed (logged with the reason); their paths stay cached at the edge until they expire")
    long getFailures();

    @Description("Recorded paths CloudFront cannot take exactly (a '*' in them, or longer than 4000 characters)")
    long getSkippedPaths();

    @Description("The last failure's reason, or empty")
    String getLastFailure();

    @Description("CloudFront's id of the last accepted invalidation, or empty")
    String getLastInvalidationId();
}
