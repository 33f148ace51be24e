package io.thumbler.thumbnails;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.thumbler.cache.CacheKeys;
import io.thumbler.cache.CachedRendition;
import io.thumbler.cache.KnownSource;
import io.thumbler.cache.OpenCaches;
import io.thumbler.cache.OriginalCache;
import io.thumbler.cache.RecentRenderFailures;
import io.thumbler.cache.RenditionCache;
import io.thumbler.cache.SourceFacts;
import io.thumbler.cache.SourceFactsCache;
import io.thumbler.error.ThumblerException;
import io.thumbler.http.RequestTimings;
import io.thumbler.image.HeaderSniffer;
import io.thumbler.image.ImageFormat;
import io.thumbler.image.ImageHeader;
import io.thumbler.render.RenderJob;
import io.thumbler.render.RenderSlots;
import io.thumbler.render.RenderSettings;
import io.thumbler.render.Rendition;
import io.thumbler.render.UrlLimits;
import io.thumbler.render.WatermarkImage;
import io.thumbler.security.SignaturePolicy;
import io.thumbler.source.Original;
import io.thumbler.source.Originals;
import io.thumbler.source.SourceUri;
import io.thumbler.transform.InfoOptions;
import io.thumbler.transform.ProcessingPath;
import io.thumbler.transform.Transform;

/**
 * The request flow, one step per line, in two halves so that a conditional request
 * can stop between them. {@link #variant}: verify the signature, parse the options, refuse an
 * expired URL, learn the source's version (remembered, or by one fetch), choose the output format
 * (from {@code Accept} when negotiation is on) and compute the cache key. {@link #thumbnail}: answer
 * from the rendition cache or, once for all concurrent requests of the key, fetch the original
 * (original cache), check its header, render, and hand back a verified thumbnail.
 */
@ApplicationScoped
public class Thumbnailer {

    @Inject
    SignaturePolicy signatures;

    @Inject
    ProcessingSettings processing;

    @Inject
    Originals originals;

    @Inject
    RenderSlots renderSlots;

    @Inject
    OpenCaches caches;

    @Inject
    SourceFactsCache sourceFacts;

    @Inject
    OriginalCache originalCache;

    @Inject
    RenditionCache renditions;

    @Inject
    RecentRenderFailures recentFailures;

    @Inject
    ConfiguredWatermark watermark;

    @Inject
    RenderSettings renderSettings;

    /**
     * @param signature the first path segment
     * @param path      everything after it, leading '/' included, as received (proxy rewrites are undone here)
     * @param accept    the request's {@code Accept} header (may be null), used only when negotiation is on
     */
    public Variant variant(String signature, String path, String accept, RequestTimings timings) {
        Located at = locate(signature, path);
        KnownSource known = learn(at.source(), timings);
        if (known.stale()) {
            timings.originStatus("stale");
        }
        Keyed keyed = key(at, known.facts(), accept);
        return new Variant(at.source(), at.url().source(), at.transform(), keyed.output().format(), keyed.quality(), known,
                keyed.key(), keyed.output().negotiated(), keyed.passthrough());
    }

    /**
     * Whether this request surely needs a render: a valid, unexpired URL of a source whose version is
     * known and fresh, whose variant is not in the rendition cache. Everything uncertain (a bad
     * signature or option, a source not known yet, a cached variant, any failure) is not a sure miss:
     * the caller leaves those to the full request flow. Fetches nothing and renders nothing.
     */
    public boolean certainMiss(String signature, String path, String accept) {
        try {
            Located at = locate(signature, path);
            Optional<SourceFacts> facts = sourceFacts.fresh(at.source());
            if (facts.isEmpty()) {
                return false;
            }
            Keyed keyed = key(at, facts.get(), accept);
            // An original answered as it is takes no render slot.
            return !keyed.passthrough() && renditions.cached(keyed.key()) == null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A request's URL, verified, parsed and not expired. */
    private record Located(ProcessingPath url, Transform transform, SourceUri source) {
    }

    private Located locate(String signature, String path) {
        ProcessingPath url = verifiedPath(signature, path);
        Transform transform = processing.parser().parse(url.options());
        refuseExpired(transform);
        return new Located(url, transform, SourceUri.parse(url.source()));
    }

    /** The output format, the effective quality and the rendition key of a located URL. */
    private record Keyed(OutputFormatChoice output, int quality, String key, boolean passthrough) {
    }

    private Keyed key(Located at, SourceFacts facts, String accept) {
        Transform t = at.transform();
        Optional<ImageFormat> named = OutputFormatChoice.named(at.url(), t);
        if (t.passthrough().passes(facts.format(), named)) {
            // The original's own bytes: its format whatever Accept says, so no Vary either.
            String key = CacheKeys.passthrough(t.canonical(), facts.format(), CacheKeys.sourceId(at.source()), facts.version());
            return new Keyed(new OutputFormatChoice(facts.format(), false), 0, key, true);
        }
        OutputFormatChoice output = OutputFormatChoice.choose(named, facts.format(), facts.animated(), accept, processing);
        int quality = renderSettings.qualityFor(output.format(), at.transform().encoding());
        String key = CacheKeys.rendition(canonicalWithWatermark(t), output.format(), quality, CacheKeys.sourceId(at.source()),
                facts.version(), caches.rendererVersion());
        return new Keyed(output, quality, key, false);
    }

    /**
     * The canonical form, with the configured watermark's identity when the URL draws it: a new
     * watermark image or opacity then gives new keys, so its variants render again.
     */
    private String canonicalWithWatermark(Transform t) {
        if (!t.watermark().enabled()) {
            return t.canonical();
        }
        return t.canonical() + "/watermark-image:" + watermark.image().map(WatermarkImage::identity).orElse("none");
    }

    /**
     * The variant's bytes: from the caches, or rendered (once for all concurrent requests of its
     * key). An original answered as it is comes from the original cache, as a render's original
     * does, and is not kept a second time among the renditions, whose tiers are sized for thumbnails.
     */
    public Thumbnail thumbnail(Variant v, RequestTimings timings) {
        RenditionCache.Rendered answer = v.passthrough() ? render(v, timings) : cachedOrRendered(v, timings);
        CachedRendition r = answer.rendition();
        return new Thumbnail(r.bytes(), r.format(), r.width(), r.height(), r.lastModified(),
                v.transform().delivery().expires(), v.contentDisposition(r.format()),
                v.negotiated(), answer.cacheable());
    }

    private RenditionCache.Rendered cachedOrRendered(Variant v, RequestTimings timings) {
        RenditionCache.Answer answer = renditions.rendition(v.key(), CacheKeys.purgeId(v.source()), () -> render(v, timings));
        if (answer.lookupNanos() > 0) {
            timings.add("lookup", answer.lookupNanos() / 1e6);
        }
        timings.cacheStatus(answer.outcome().label());
        return answer.rendered();
    }

    /** An {@code /info} answer: the original's facts and which of them the URL asked for. */
    public record Info(SourceInfo facts, InfoOptions options) {
    }

    /**
     * {@code /info}: the checks of a render (signature, expiry, source, the URL's security options),
     * then the original's header facts; ImageMagick never runs. Its options are imgproxy's info
     * options, not processing options.
     */
    public Info info(String signature, String path, RequestTimings timings) {
        ProcessingPath url = verifiedPath(signature, path);
        InfoOptions options = InfoOptions.parse(url.options(), processing.parser());
        if (options.expiredAt(Instant.now())) {
            throw ThumblerException.notFound("the URL expired at " + options.expires().orElseThrow());
        }
        SourceUri source = SourceUri.parse(url.source());
        try (Original original = timings.time("fetch", () -> originals.fetch(source))) {
            ImageHeader header = HeaderSniffer.sniff(original.bytes());
            UrlLimits.check(header, original.bytes().length, renderSettings.limits(), options.security());
            return new Info(SourceInfo.of(header, original.bytes().length), options);
        }
    }

    /**
     * The source's version and format. An original that is not an image Thumbler reads (422 from
     * the header sniff) is remembered as such for a short while, so it is not fetched again and
     * again; a fetch that failed (404, 5xx) may succeed next time and is not remembered.
     */
    private KnownSource learn(SourceUri source, RequestTimings timings) {
        String failureKey = sourceFailureKey(source);
        recentFailures.replay(failureKey);
        try {
            return sourceFacts.learn(source, () -> fetch(source, timings));
        } catch (ThumblerException e) {
            if (e.kind().repeatsForSource()) {
                recentFailures.remember(failureKey, e);
            }
            throw e;
        }
    }

    /** Fetch, check and render once; a failure that will repeat is remembered for a short while. */
    private RenditionCache.Rendered render(Variant v, RequestTimings timings) {
        recentFailures.replay(v.key());
        try {
            return v.passthrough() ? passOriginal(v, timings) : renderAndVerify(v, timings);
        } catch (ThumblerException e) {
            recentFailures.remember(v.key(), e);
            throw e;
        }
    }

    /**
     * Takes a render slot before the original is held: the original (from the original cache, or
     * fetched) is read inside the slot, checked, rendered and let go before the slot is released.
     */
    private RenditionCache.Rendered renderAndVerify(Variant v, RequestTimings timings) {
        renderSlots.refuseIfFull();
        String version = v.known().facts().version();
        Original[] used = new Original[1];
        long[] renderStart = new long[1];
        Rendition rendition;
        try {
            rendition = renderSlots.render(() -> {
                Original original = originalCache.original(v.source(), version, () -> fetch(v.source(), timings));
                ImageHeader header = checkedHeader(v, original);
                used[0] = original;
                renderStart[0] = System.nanoTime();
                return new RenderJob(original.bytes(), header, v.transform(), v.output(), v.quality(), watermark.image());
            }, renderSettings.slotsFor(v.known().facts().header()));
        } finally {
            if (renderStart[0] != 0) {
                timings.add("render", (System.nanoTime() - renderStart[0]) / 1e6);
            }
        }
        Original original = used[0];
        CachedRendition r = new CachedRendition(rendition.bytes(), rendition.format(), rendition.width(), rendition.height(),
                original.lastModified());
        return new RenditionCache.Rendered(r, original.version().equals(version));
    }

    /**
     * {@code skip_processing} / {@code raw}: the original's own bytes, checked as a render's original
     * is (format, size, resolution, the URL's security options), so that nothing is passed on that
     * Thumbler would not read: no SVG, no decompression bomb. No render slot is taken. Not
     * reusable: the rendition cache does not hold these bytes, so the URL is not entered among the
     * variants answered in front of JAX-RS; its ETag still gives 304s.
     */
    private RenditionCache.Rendered passOriginal(Variant v, RequestTimings timings) {
        String version = v.known().facts().version();
        Original original = originalCache.original(v.source(), version, () -> fetch(v.source(), timings));
        ImageHeader header = checkedHeader(v, original);
        CachedRendition r = new CachedRendition(original.bytes(), header.format(), header.width(), header.height(),
                original.lastModified());
        return new RenditionCache.Rendered(r, false);
    }

    /**
     * The original's header, within the limits: the one read when the source's facts were learned, or,
     * when the origin has meanwhile answered with another version, this original's own. An original
     * beyond the server's limits fails every variant of it, so the refusal is remembered for the
     * source (as a header the sniffer refuses is while the facts are learned): the next variant is
     * refused without fetching the original again.
     * A refusal by the URL's own security options concerns that URL only, and is remembered under
     * its key by the caller.
     */
    private ImageHeader checkedHeader(Variant v, Original original) {
        SourceFacts facts = v.known().facts();
        ImageHeader header;
        try {
            header = original.version().equals(facts.version()) ? facts.header() : HeaderSniffer.sniff(original.bytes());
            renderSettings.limits().check(header, original.bytes().length);
        } catch (ThumblerException e) {
            if (e.kind().repeatsForSource()) {
                recentFailures.remember(sourceFailureKey(v.source()), e);
            }
            throw e;
        }
        UrlLimits.check(header, original.bytes().length, renderSettings.limits(), v.transform().security());
        return header;
    }

    private static String sourceFailureKey(SourceUri source) {
        return "source:" + CacheKeys.sourceId(source);
    }

    private Original fetch(SourceUri source, RequestTimings timings) {
        return timings.time("fetch", () -> originals.fetch(source));
    }

    private ProcessingPath verifiedPath(String signature, String path) {
        return SignedPath.verify(signatures, signature, path);
    }

    /** imgproxy's {@code expires}: a URL past its expiry is 404, as if it never existed. */
    private static void refuseExpired(Transform transform) {
        if (transform.delivery().expiredAt(Instant.now())) {
            throw ThumblerException.notFound("the URL expired at " + transform.delivery().expires().orElseThrow());
        }
    }
}
