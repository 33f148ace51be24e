package io.thumbler.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;
import io.thumbler.image.HeaderSniffer;
import io.thumbler.image.ImageFormat;
import io.thumbler.image.ImageHeader;

/**
 * Performs one render in a private temp directory and checks the result.
 *
 * <p>ImageMagick exchanges data with Thumbler only through files named by Thumbler in a directory
 * only this process can read (mode 0700), removed in {@code finally} whatever happened: no request string ever names a file for
 * ImageMagick, and no spill file outlives its render.
 * Success is exit 0 and a non-empty output that re-sniffs as the requested format at the size the
 * geometry promised: ImageMagick can exit 0 on a broken input, and can leave a 0-byte file
 * when it fails.
 */
public final class Renderer {

    private static final Logger LOG = Logger.getLogger(Renderer.class.getName());

    private final ConvertProcess convert;
    private final RenderSettings settings;
    private final Path tempRoot;

    public Renderer(ConvertProcess convert, RenderSettings settings) {
        this.convert = convert;
        this.settings = settings;
        this.tempRoot = settings.tempDir();
    }

    /**
     * Analyses the source when trim or smart gravity need its pixels, plans the geometry, renders,
     * and, under a {@code max_bytes} budget, renders again at lower quality until the result fits.
     * {@code THUMBLER_RENDER_TIMEOUT} bounds all of it: each process gets what is left, so a render
     * of several passes answers 504 at the deadline instead of one deadline per pass.
     */
    public Rendition render(RenderJob job) {
        long deadline = System.nanoTime() + settings.renderTimeout().toNanos();
        Path dir = createPrivateDir();
        try {
            Path input = dir.resolve("in");
            Files.write(input, job.original());
            if (job.drawnWatermark().isPresent()) {
                // Per render on purpose: writing a 19 KB mark costs about 0.12 ms against 30-60 ms for
                // the render (measured), while one copy per process would have to survive tmp cleaners
                // and the sweeper, and be rewritten when it is gone.
                Files.write(dir.resolve(ThumbnailCommand.WATERMARK_FILE), job.drawnWatermark().get().bytes());
            }
            int[] size = SourceReading.frameSize(job.header(), job.transform());
            SourceFrame frame = SourceAnalysis.needed(job.transform())
                    ? SourceAnalysis.analyse(job, input, dir, convert, settings, left(deadline))
                    : SourceFrame.of(size[0], size[1]);
            ResizeGeometry geometry = GeometryPlanner.plan(frame, job.transform());
            refuseOversizedIcon(job, geometry);
            Rendition r = renderOnce(job, geometry, input, dir, deadline);
            long budget = job.transform().encoding().maxBytes();
            RenderJob next = job;
            while (budget > 0 && r.bytes().length > budget && next.quality() > 10 && job.output().lossy()) {
                next = new RenderJob(job.original(), job.header(), job.transform(), job.output(),
                        ByteBudget.nextQuality(next.quality(), r.bytes().length, budget), job.watermark());
                Rendition smaller = renderOnce(next, geometry, input, dir, deadline);
                r = new Rendition(smaller.bytes(), smaller.format(), smaller.width(), smaller.height(), r.renderMillis() + smaller.renderMillis());
            }
            return r;
        } catch (IOException e) {
            // Most often a full temp directory: the server's state, not the original's fault.
            throw new ThumblerException(ErrorKind.NO_TEMP_SPACE, "the render's temporary files could not be written", e.toString(), e);
        } finally {
            deleteRecursively(dir);
        }
    }

    /**
     * An ICO directory entry holds at most 256 pixels a side (ImageMagick refuses to write more), so
     * a larger icon is refused with the size it would have had, rather than shrunk behind the URL's back.
     */
    private static void refuseOversizedIcon(RenderJob job, ResizeGeometry g) {
        if (job.output() == ImageFormat.ICO
                && (g.outputWidth() > ImageFormat.ICO_MAX_SIDE || g.outputHeight() > ImageFormat.ICO_MAX_SIDE)) {
            throw ThumblerException.refusedForUrl("an ICO result is at most " + ImageFormat.ICO_MAX_SIDE + "x"
                    + ImageFormat.ICO_MAX_SIDE + " pixels; this one would be " + g.outputWidth() + "x" + g.outputHeight()
                    + " (ask for a size within it, e.g. rs:fit:256:256)");
        }
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(deadline - System.nanoTime());
    }

    private Rendition renderOnce(RenderJob job, ResizeGeometry geometry, Path input, Path dir, long deadline) throws IOException {
        Path output = dir.resolve("out");
        Files.deleteIfExists(output);
        ConvertProcess.Result result = convert.run(ThumbnailCommand.arguments(job, geometry, input, output, dir, settings), dir,
                left(deadline));
        if (!result.succeeded()) {
            throw ConvertFailure.of("render", result, settings.renderTimeout());
        }
        byte[] bytes = Files.exists(output) ? Files.readAllBytes(output) : new byte[0];
        ImageHeader produced = verify(job, geometry, bytes, result);
        return new Rendition(bytes, produced.format(), produced.width(), produced.height(), result.millis());
    }

    private static ImageHeader verify(RenderJob job, ResizeGeometry g, byte[] bytes, ConvertProcess.Result result) {
        if (bytes.length == 0) {
            throw new ThumblerException(ErrorKind.RENDER_FAILED, "the renderer produced no output", "empty output; stderr: " + result.stderr(), null);
        }
        ImageHeader produced;
        try {
            produced = HeaderSniffer.sniff(bytes);
        } catch (ThumblerException e) {
            throw new ThumblerException(ErrorKind.RENDER_FAILED, "the renderer produced an unreadable image", e.getMessage(), e);
        }
        if (produced.format() != job.output() || produced.width() != g.outputWidth() || produced.height() != g.outputHeight()) {
            throw new ThumblerException(ErrorKind.RENDER_FAILED, "the renderer produced an unexpected image",
                    "expected " + job.output() + " " + g.outputWidth() + "x" + g.outputHeight() + ", got " + produced, null);
        }
        return produced;
    }

    /** A mode-0700 directory named so that {@link TempDirSweeper} removes it if this JVM dies mid-render. */
    private Path createPrivateDir() {
        try {
            return TempDirSweeper.createWorkDir(tempRoot);
        } catch (IOException e) {
            throw new ThumblerException(ErrorKind.NO_TEMP_SPACE, "the renderer has no temporary space", "cannot create a temp dir under " + tempRoot + ": " + e, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try {
            TempDirSweeper.deleteWorkDir(dir);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not clean render temp dir {0}: {1}", new Object[] {dir, e.toString()});
        }
    }
}
