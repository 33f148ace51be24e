package io.thumbler.render;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.thumbler.image.HeaderSnifferCorpusTest;
import io.thumbler.image.FormatHeadersTest;
import io.thumbler.image.HeaderSniffer;
import io.thumbler.image.ImageFormat;
import io.thumbler.image.ImageHeader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The real /usr/bin/convert under the shipped policy.xml refuses every disguised or dangerous
 * input even when it is left to guess the format (no coder prefix), and when a dangerous coder
 * is named explicitly; the formats Thumbler serves still render.
 */
class ShippedPolicyTest {

    @TempDir
    static Path dir;
    static Path policyDir;
    static Path victim;
    static Map<String, Path> fixtures;
    static ServerSocket canary;
    Path tmp;

    record Run(int exitCode, long outputBytes, long millis, String messages) {
    }

    @BeforeAll
    static void setUp() throws IOException {
        assumeThat(BadInputs.CONVERT).as("ImageMagick 6 at /usr/bin/convert").isExecutable();
        policyDir = ImageMagickSelfTest.extractPolicy(dir.resolve("policy")).getParent();
        victim = Files.copy(Path.of("samples/moonlight-glow.png"), dir.resolve("victim.png"));
        canary = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Path inputs = Files.createDirectories(dir.resolve("in"));
        fixtures = BadInputs.writeAll(inputs, canary.getLocalPort(), victim);
    }

    /** Whatever ran, ImageMagick never connected to the SVG's URL (F11) and never touched the victim (F8, F9). */
    @AfterAll
    static void nothingWasFetchedDeletedOrWritten() throws IOException {
        if (canary == null) {
            return;
        }
        try (ServerSocket listener = canary) {
            listener.setSoTimeout(200);
            assertThatThrownBy(listener::accept).as("a connection from ImageMagick to the canary")
                    .isInstanceOf(SocketTimeoutException.class);
        }
        assertThat(victim).as("the target of ephemeral:").exists();
        assertThat(Path.of(victim + ".written")).as("the file the MSL script writes").doesNotExist();
    }

    @AfterEach
    void noTempFileLeft() throws IOException {
        if (tmp != null) {
            try (Stream<Path> left = Files.list(tmp)) {
                assertThat(left).as("files left in the render's temporary path").isEmpty();
            }
        }
    }

    /** Renders like Thumbler does, into a fresh temporary path, and reports what happened. */
    Run render(String input, String... options) throws IOException, InterruptedException {
        tmp = Files.createTempDirectory(dir, "tmp");
        Path out = tmp.resolveSibling(tmp.getFileName() + ".out.jpg");
        List<String> command = new ArrayList<>(List.of(BadInputs.CONVERT.toString(),
                "-define", "registry:temporary-path=" + tmp, input));
        command.addAll(List.of(options));
        command.addAll(List.of("-thumbnail", "64x64>", "-strip", "jpeg:" + out));
        Path log = tmp.resolveSibling(tmp.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        ImageMagickSelfTest.configureChild(builder, policyDir);
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("convert " + input + " ran past 20 s");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Run(process.exitValue(), Files.exists(out) ? Files.size(out) : -1, millis, Files.readString(log));
    }

    static void assertRefused(Run run) {
        assertThat(run.exitCode).as("exit code").isNotZero();
        assertThat(run.outputBytes).as("output bytes (-1: none)").isLessThanOrEqualTo(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"svg_localfile_as.jpg", "svg_ssrf_as.jpg", "svg_xxe_as.jpg", "mvg_text_as.jpg",
            "mvg_ephemeral_as.jpg", "msl_as.jpg", "txt_as.jpg", "pdf_as.jpg", "eps_fileread_as.jpg",
            "miff_as.jpg", "webp_header_16384.webp", "png_header_50000x50000.png", "png_zbomb_30000x30000_1bit.png",
            "jpeg_sof_65500x65500.jpg"})
    void refusedWhenImageMagickGuessesTheFormat(String file) throws Exception {
        Path input = BadInputs.BOMBS.contains(file) ? BadInputs.writeBomb(dir, file) : fixtures.get(file);
        assertRefused(render(input + "[0]"));
    }

    @ParameterizedTest(name = "{0}{1}")
    @CsvSource({
            "svg:, svg_localfile_as.jpg", "msvg:, svg_localfile_as.jpg", "mvg:, mvg_text_as.jpg", "msl:, msl_as.jpg",
            "txt:, txt_as.jpg", "text:, txt_as.jpg", "pdf:, pdf_as.jpg", "ps:, eps_fileread_as.jpg",
            "miff:, miff_as.jpg",
            "ephemeral:, victim", "label:, html_as_image.jpg", "@, txt_as.jpg", "inline:, txt_as.jpg"})
    void refusedWhenADangerousCoderIsNamed(String prefix, String file) throws Exception {
        Path input = file.equals("victim") ? victim : fixtures.get(file);
        assertRefused(render(prefix + input));
        assertThat(victim).exists();
    }

    @Test
    void systemPathsAndStdinAreRefused() throws Exception {
        assertRefused(render("/etc/hostname"));
        assertRefused(render("text:/etc/hostname"));
        assertRefused(render("-"));
        assertRefused(render("/proc/self/environ"));
    }

    /** The policy opens the TIFF, BMP and icon modules for one tag each; their siblings stay shut. */
    @ParameterizedTest(name = "{0}{1}")
    @CsvSource({"ptif:, tiled-16bit.tiff", "tiff64:, tiled-16bit.tiff", "tif:, tiled-16bit.tiff",
            "group4:, tiled-16bit.tiff", "bmp3:, photo.bmp", "bmp2:, photo.bmp", "cur:, favicon.ico"})
    void siblingCodersOfTheReadFormatsAreRefused(String prefix, String file) throws Exception {
        assertRefused(render(prefix + FormatHeadersTest.FORMATS.resolve(file).toAbsolutePath()));
    }

    @ParameterizedTest(name = "{0}{1}")
    @CsvSource({"tiff:, tiled-16bit.tiff", "tiff:, orientation-6.tiff", "bmp:, photo.bmp", "ico:, favicon.ico",
            "heic:, photo.heic", "avif:, orientation_6.avif"})
    void theFormatsBeyondTheWebFourRender(String prefix, String file) throws Exception {
        Run run = render(prefix + FormatHeadersTest.FORMATS.resolve(file).toAbsolutePath() + "[0]");
        assertThat(run.exitCode).as(run.messages).isZero();
        assertThat(run.outputBytes).isPositive();
    }

    /** HEIC is read, never written (HEVC encoding needs a patent licence). */
    @Test
    void heicIsNotWritable() throws Exception {
        Path out = dir.resolve("out.heic");
        assertThat(encodePortrait("heic:" + out, "-strip")).isNotZero();
        assertThat(Files.exists(out) ? Files.size(out) : 0).as("bytes written to out.heic").isZero();
    }

    @Test
    void avifIsWritable() throws Exception {
        Path out = dir.resolve("out.avif");
        assertThat(encodePortrait("avif:" + out, "-auto-orient", "-strip")).isZero();
        ImageHeader header = HeaderSniffer.sniff(Files.readAllBytes(out));
        assertThat(header.format()).isEqualTo(ImageFormat.AVIF);
        assertThat(header.width() + "x" + header.height()).isEqualTo("50x70");
    }

    /** Writes samples/orientation_6.jpg to {@code output} under the shipped policy; the exit code. */
    private int encodePortrait(String output, String... operations) throws Exception {
        tmp = Files.createTempDirectory(dir, "tmp");
        List<String> command = new ArrayList<>(List.of(BadInputs.CONVERT.toString(), "-define",
                "registry:temporary-path=" + tmp, "jpeg:" + Path.of("samples/orientation_6.jpg").toAbsolutePath() + "[0]"));
        command.addAll(List.of(operations));
        command.add(output);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
        ImageMagickSelfTest.configureChild(builder, policyDir);
        Process process = builder.start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    /** With the frame selector a 10 000-frame GIF costs one frame and writes one file. */
    @Test
    void tenThousandFrameGifWithFrameSelectorIsOneFrame() throws Exception {
        Run run = render("gif:" + fixtures.get("gif_10000_frames.gif") + "[0]");
        assertThat(run.exitCode).isZero();
        assertThat(run.millis).isLessThan(2000);
    }

    /**
     * The 18 MP progressive Elephants photo needs its ~100 MB coefficient buffer in one request:
     * refused ("Backing store not supported") when max-memory-request was 64MiB.
     */
    @Test
    void aLargeProgressivePhotoGetsItsCoefficientBuffer() throws Exception {
        Path elephants = HeaderSnifferCorpusTest.SHARED_CORPUS.resolve("Elephants_5640x3172.jpg").toAbsolutePath().normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(elephants), "the shared corpus is not next to this checkout");
        Run run = render("jpeg:" + elephants + "[0]");
        assertThat(run.exitCode).as(run.messages).isZero();
        assertThat(run.outputBytes).isPositive();
    }

    /** max-memory-request truncates the 200 MB zTXt chunk (11 MB RSS instead of 624 MB without it). */
    @Test
    void zTxtBombIsCutShortByMaxMemoryRequest() throws Exception {
        Run run = render("png:" + BadInputs.writeBomb(dir, "png_ztxt_bomb.png") + "[0]");
        assertThat(run.messages).contains("zTXt: truncated");
        assertThat(run.millis).isLessThan(3000);
    }
}
