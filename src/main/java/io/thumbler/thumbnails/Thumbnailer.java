package io.thumbler.thumbnails;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.thumbler.cache.CacheKeys;
import io.thumbler.cache.CachedRendition;
import io.thumbler.cache.Caches;
import io.thumbler.cache.KnownSource;
import io.thumbler.cache.OriginalCache;
import io.thumbler.cache.RenditionCache;
import io.thumbler.cache.SourceFactsCache;
import io.thumbler.http.RequestTimings;
import io.thumbler.render.HeaderSniffer;
import io.thumbler.render.ImageFormat;
import io.thumbler.render.ImageHeader;
import io.thumbler.render.ImageMagickSetup;
import io.thumbler.render.RenderJob;
import io.thumbler.render.RenderPool;
import io.thumbler.render.Rendition;
import io.thumbler.security.SignaturePolicy;
import io.thumbler.source.Original;
import io.thumbler.source.Originals;
import io.thumbler.source.SourceUri;
import io.thumbler.transform.OptionParser;
import io.thumbler.transform.ProcessingPath;
import io.thumbler.transform.ProcessingPathParser;
import io.thumbler.transform.Transform;

/**
 * The request flow of DESIGN.md §1, one step per line, in two halves so that a conditional request
 * can stop between them: {@link #variant} verifies the signature, parses the options, learns the
 * source's version (remembered, or by one fetch) and computes the cache key; {@link #thumbnail}
 * answers from the rendition cache or, once for all concurrent requests of the key, fetches the
 * original (original cache), checks its header and renders.
 */
@ApplicationScoped
public class Thumbnailer {

    private final ProcessingPathParser pathParser = new ProcessingPathParser();
    private final OptionParser optionParser = new OptionParser();

    @Inject
    SignaturePolicy signatures;

    @Inject
    Originals originals;

    @Inject
    RenderPool renderPool;

    @Inject
    ImageMagickSetup imageMagick;

    @Inject
    Caches caches;

    @Inject
    SourceFactsCache sourceFacts;

    @Inject
    OriginalCache originalCache;

    @Inject
    RenditionCache renditions;

    /**
     * @param signature the first path segment
     * @param path      everything after it, leading '/' included, exactly as received
     */
    public Variant variant(String signature, String path, RequestTimings timings) {
        signatures.verify(signature, path);
        ProcessingPath url = pathParser.parse(path);
        Transform transform = optionParser.parse(url.options());
        SourceUri source = SourceUri.parse(url.source());

        KnownSource known = sourceFacts.learn(source, () -> fetch(source, timings));
        ImageFormat output = OutputFormatChoice.choose(url.extension(), transform, known.facts().format());
        int quality = transform.quality() != Transform.DEFAULT_QUALITY ? transform.quality() : imageMagick.settings().defaultQuality();
        String sourceId = CacheKeys.sourceId(source);
        String key = CacheKeys.rendition(transform.canonical(), output, quality, sourceId, known.facts().version(),
                caches.rendererVersion());
        return new Variant(source, sourceId, transform, output, quality, known, key, false);
    }

    /** The variant's bytes: from the caches, or rendered (once for all concurrent requests of its key). */
    public Thumbnail thumbnail(Variant v, RequestTimings timings) {
        CachedRendition r = renditions.rendition(v.key(), v.sourceId(), () -> render(v, timings), timings);
        return new Thumbnail(r.bytes(), r.format(), r.width(), r.height(), r.lastModified());
    }

    private RenditionCache.Rendered render(Variant v, RequestTimings timings) {
        String version = v.known().facts().version();
        Original original = v.known().fetched()
                .orElseGet(() -> originalCache.original(v.source(), version, () -> fetch(v.source(), timings)));
        ImageHeader header = HeaderSniffer.sniff(original.bytes());
        imageMagick.settings().limits().check(header, original.bytes().length);
        Rendition rendition = timings.time("render",
                () -> renderPool.render(new RenderJob(original.bytes(), header, v.transform(), v.output(), v.quality())));
        CachedRendition r = new CachedRendition(rendition.bytes(), rendition.format(), rendition.width(), rendition.height(),
                original.lastModified());
        return new RenditionCache.Rendered(r, original.version().equals(version));
    }

    private Original fetch(SourceUri source, RequestTimings timings) {
        return timings.time("fetch", () -> originals.fetch(source));
    }
}
