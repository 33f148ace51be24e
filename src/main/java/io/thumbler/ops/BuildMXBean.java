package io.thumbler.ops;

import io.thumbler.jmx.Description;

/**
 * {@code io.thumbler:type=Build}: which Thumbler and which renderer this process runs, so that
 * a change in behaviour can be matched to a deployment. The same values label the
 * {@code build_info} metric.
 */
@Description("Which Thumbler build and which ImageMagick this process runs")
public interface BuildMXBean {

    @Description("Thumbler's version (the Maven project version the WAR was built as)")
    String getVersion();

    @Description("The git commit the WAR was built from (abbreviated; -dirty when the work tree had changes; unknown outside a git checkout)")
    String getCommit();

    @Description("The Version: line of convert -version, the ImageMagick every render uses")
    String getImageMagick();

    @Description("The renderer version in every rendition cache key: a digest of ImageMagick's version and the policy file; when it changes, cached variants are rendered afresh")
    String getRendererVersion();
}
