package io.thumbler.thumbnails;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.thumbler.error.ThumblerException;
import io.thumbler.http.RequestTimings;
import io.thumbler.render.HeaderSniffer;
import io.thumbler.render.ImageHeader;
import io.thumbler.render.ImageMagickSetup;
import io.thumbler.render.RenderJob;
import io.thumbler.render.RenderPool;
import io.thumbler.render.Rendition;
import io.thumbler.security.SignaturePolicy;
import io.thumbler.source.Original;
import io.thumbler.source.Originals;
import io.thumbler.source.SourceUri;
import io.thumbler.transform.ProcessingPath;
import io.thumbler.transform.ProcessingPathParser;
import io.thumbler.transform.Transform;

/**
 * The request flow of DESIGN.md §1, one step per line: verify the signature, parse the options,
 * refuse an expired URL, fetch the original, check its header, choose the output format (from
 * {@code Accept} when negotiation is on), render, and hand back a verified thumbnail.
 */
@ApplicationScoped
public class Thumbnailer {

    private final ProcessingPathParser pathParser = new ProcessingPathParser();

    @Inject
    SignaturePolicy signatures;

    @Inject
    ProcessingSettings processing;

    @Inject
    Originals originals;

    @Inject
    RenderPool renderPool;

    @Inject
    ImageMagickSetup imageMagick;

    /**
     * @param signature the first path segment
     * @param path      everything after it, leading '/' included, exactly as received
     * @param accept    the request's {@code Accept} header (may be null), used only when negotiation is on
     */
    public Thumbnail thumbnail(String signature, String path, String accept, RequestTimings timings) {
        ProcessingPath url = verifiedPath(signature, path);
        Transform transform = processing.parser().parse(url.options());
        refuseExpired(transform);
        SourceUri source = SourceUri.parse(url.source());

        Original original = timings.time("fetch", () -> originals.fetch(source));
        ImageHeader header = HeaderSniffer.sniff(original.bytes());
        imageMagick.settings().limits().check(header, original.bytes().length);
        OutputFormatChoice output = OutputFormatChoice.choose(url.extension(), transform, header.format(),
                header.frames() > 1, accept, processing);
        int quality = imageMagick.settings().qualityFor(output.format(), transform.encoding());

        Rendition rendition = timings.time("render",
                () -> renderPool.render(new RenderJob(original.bytes(), header, transform, output.format(), quality)));
        return new Thumbnail(rendition.bytes(), rendition.format(), rendition.width(), rendition.height(), original.lastModified(),
                transform.delivery().expires(), ContentDisposition.of(transform.delivery(), url.source(), rendition.format()),
                output.negotiated());
    }

    /**
     * {@code /info}: the same checks as a render (signature, options, expiry, source), then the
     * original's header facts; ImageMagick never runs.
     */
    public SourceInfo info(String signature, String path, RequestTimings timings) {
        ProcessingPath url = verifiedPath(signature, path);
        refuseExpired(processing.parser().parse(url.options()));
        Original original = timings.time("fetch", () -> originals.fetch(SourceUri.parse(url.source())));
        return SourceInfo.of(HeaderSniffer.sniff(original.bytes()), original.bytes().length);
    }

    private ProcessingPath verifiedPath(String signature, String path) {
        signatures.verify(signature, path);
        return pathParser.parse(path);
    }

    /** imgproxy's {@code expires}: a URL past its expiry is 404, as if it never existed. */
    private static void refuseExpired(Transform transform) {
        if (transform.delivery().expiredAt(Instant.now())) {
            throw ThumblerException.notFound("the URL expired at " + transform.delivery().expires().orElseThrow());
        }
    }
}
