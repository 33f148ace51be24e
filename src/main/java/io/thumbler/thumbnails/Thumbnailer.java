package io.thumbler.thumbnails;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
 * The request flow of DESIGN.md §1, one step per line: verify the signature, parse the options,
 * fetch the original, check its header, render, and hand back a verified thumbnail.
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

    /**
     * @param signature the first path segment
     * @param path      everything after it, leading '/' included, exactly as received
     */
    public Thumbnail thumbnail(String signature, String path, RequestTimings timings) {
        signatures.verify(signature, path);
        ProcessingPath url = pathParser.parse(path);
        Transform transform = optionParser.parse(url.options());
        SourceUri source = SourceUri.parse(url.source());

        Original original = timings.time("fetch", () -> originals.fetch(source));
        ImageHeader header = HeaderSniffer.sniff(original.bytes());
        imageMagick.settings().limits().check(header, original.bytes().length);
        ImageFormat output = OutputFormatChoice.choose(url.extension(), transform, header.format());
        int quality = transform.quality() != Transform.DEFAULT_QUALITY ? transform.quality() : imageMagick.settings().defaultQuality();

        Rendition rendition = timings.time("render",
                () -> renderPool.render(new RenderJob(original.bytes(), header, transform, output, quality)));
        return new Thumbnail(rendition.bytes(), rendition.format(), rendition.width(), rendition.height(), original.lastModified());
    }
}
