package io.thumbler.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.thumbler.image.HeaderSniffer;
import io.thumbler.image.ImageFormat;
import io.thumbler.image.ImageHeader;

/**
 * Proves, before Thumbler reports ready, that the ImageMagick it will run obeys Thumbler's policy
 * (another policy.xml found first, or an ImageMagick built without policy support, would
 * silently lift every limit): {@code convert -list policy} names our policy.xml first, {@code -list resource}
 * shows the resource values policy.xml ships, an SVG named {@code .jpg} and an MVG file are
 * refused, and a small JPEG renders to a JPEG.
 *
 * <p>Each convert gets {@code MAGICK_CONFIGURE_PATH} in its own environment ({@link #configureChild}),
 * never the JVM's; runs in a private work directory (so a stray policy.xml in the server's working
 * directory, which ImageMagick also searches, cannot interfere) that is deleted afterwards; and is
 * killed when it outlives the timeout. Output goes to a file in that directory, so a child never
 * blocks on a full pipe and no draining thread is needed; at most 64 KiB of it is read back.
 */
public final class ImageMagickSelfTest {

    /** Where policy.xml sits on the classpath. */
    public static final String POLICY_RESOURCE = "/io/thumbler/render/policy.xml";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_OUTPUT_BYTES = 64 * 1024;

    /** A 16×16 baseline JPEG (made with {@code convert -size 16x16 gradient:red-blue}). */
    private static final byte[] CANARY_JPEG = Base64.getDecoder().decode(
            "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/"
            + "2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAQABADASIAAhEBAxEB/8QA"
            + "FgABAQEAAAAAAAAAAAAAAAAAAAQF/8QAFRABAQAAAAAAAAAAAAAAAAAAABP/xAAUAQEAAAAAAAAAAAAAAAAAAAAF/8QAFhEAAwAAAAAAAAAAAAAAAAAAABVh"
            + "/9oADAMBAAIRAxEAPwDAqVRVKlFEGWlP/9k=");
    private static final String CANARY_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"16\">"
            + "<rect width=\"16\" height=\"16\" fill=\"red\"/></svg>";
    private static final String CANARY_MVG = "push graphic-context\nviewbox 0 0 16 16\nfill red\nrectangle 0,0 16,16\n"
            + "pop graphic-context\n";

    /** The verdict; {@code reason} says what passed, or lists every check that failed. */
    public record Result(boolean ok, String reason) {
    }

    private record Run(int exitCode, boolean timedOut, String output) {
    }

    private final Path convert;
    private final Path policyDir;
    private final Path workRoot;
    private final Duration timeout;

    /** A self-test with work files under {@code java.io.tmpdir} and {@link #DEFAULT_TIMEOUT} per process. */
    public ImageMagickSelfTest(Path convert, Path policyDir) {
        this(convert, policyDir, Path.of(System.getProperty("java.io.tmpdir")), DEFAULT_TIMEOUT);
    }

    public ImageMagickSelfTest(Path convert, Path policyDir, Path workRoot, Duration timeout) {
        this.convert = Objects.requireNonNull(convert, "convert");
        this.policyDir = Objects.requireNonNull(policyDir, "policyDir").toAbsolutePath().normalize();
        this.workRoot = Objects.requireNonNull(workRoot, "workRoot");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Writes the classpath policy.xml into {@code dir} (created if needed) and returns the file. */
    public static Path extractPolicy(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve("policy.xml");
        Path partial = Files.createTempFile(dir, "policy", ".partial");
        try (InputStream in = policyStream()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Points a convert about to start at the policy in {@code policyDir}, in the environment renders
     * get ({@link ConvertProcess#BASE_ENVIRONMENT}): nothing is inherited (a {@code MAGICK_HOME} or
     * {@code MAGICK_CONFIGURE_PATH} of the server's shell must not change the search path, and the
     * server's secrets stay with the server) and {@code MAGICK_CONFIGURE_PATH} is set.
     */
    public static void configureChild(ProcessBuilder process, Path policyDir) {
        ConvertProcess.isolate(process).put("MAGICK_CONFIGURE_PATH", policyDir.toAbsolutePath().normalize().toString());
    }

    /** Runs every check; never throws for a failed check, only reports it. */
    public Result run() {
        if (!Files.isRegularFile(convert) || !Files.isExecutable(convert)) {
            return new Result(false, convert + " is not an executable file");
        }
        List<String> failures = new ArrayList<>();
        Path work;
        try {
            work = TempDirSweeper.createWorkDir(workRoot);
        } catch (IOException e) {
            return new Result(false, "cannot create a work directory under " + workRoot + ": " + e.getMessage());
        }
        try {
            checkPolicyComesFirst(work, failures);
            checkResources(work, failures);
            checkRefused(work, "an SVG named .jpg", "canary-svg.jpg", CANARY_SVG, "", failures);
            // With an explicit prefix: Debian's patched build refuses unprefixed MVG by itself,
            // so only the policy can refuse this one.
            checkRefused(work, "an MVG file", "canary-mvg.jpg", CANARY_MVG, "mvg:", failures);
            checkJpegRenders(work, failures);
        } catch (RuntimeException e) {
            failures.add("the self-test itself failed: " + e);
        } finally {
            deleteQuietly(work, failures);
        }
        return failures.isEmpty()
                ? new Result(true, convert + " obeys " + policyDir.resolve("policy.xml")
                        + ": listed first, resource limits as shipped, SVG and MVG refused, JPEG renders")
                : new Result(false, String.join("; ", failures));
    }

    private void checkPolicyComesFirst(Path work, List<String> failures) {
        Run run = exec(work, "list-policy", "-list", "policy");
        if (failedToRun(run, "convert -list policy", failures)) {
            return;
        }
        Matcher path = Pattern.compile("(?m)^Path: (.*)$").matcher(run.output);
        String expected = policyDir.resolve("policy.xml").toString();
        String first = path.find() ? path.group(1).trim() : "nothing";
        if (!first.equals(expected)) {
            failures.add("convert -list policy shows " + first + " first, not " + expected);
        }
    }

    private void checkResources(Path work, List<String> failures) {
        Run run = exec(work, "list-resource", "-list", "resource");
        if (failedToRun(run, "convert -list resource", failures)) {
            return;
        }
        Map<String, String> actual = new LinkedHashMap<>();
        Matcher line = Pattern.compile("(?m)^\\s+([A-Za-z][A-Za-z ]*): (\\S+)\\s*$").matcher(run.output);
        while (line.find()) {
            actual.put(line.group(1).trim().toLowerCase(Locale.ROOT).replace(' ', '-'), line.group(2));
        }
        ImageMagickResourceLimits.shipped().forEach((name, value) -> {
            String shown = actual.get(name);
            if (shown == null) {
                failures.add("convert -list resource does not show " + name);
            } else if (!ImageMagickResourceLimits.sameSize(shown, value)) {
                failures.add("resource " + name + " is " + shown + ", expected " + value);
            }
        });
    }

    private void checkRefused(Path work, String what, String name, String content, String prefix,
                              List<String> failures) {
        Path input = work.resolve(name);
        Path output = work.resolve(name + ".out.jpg");
        write(input, content.getBytes(StandardCharsets.UTF_8));
        Run run = exec(work, name, "-define", "registry:temporary-path=" + work, prefix + input + "[0]",
                "-thumbnail", "8x8", "jpeg:" + output);
        if (run.timedOut) {
            failures.add("convert on " + what + " did not finish within " + timeout.toSeconds() + " s");
        } else if (run.exitCode == 0 || fileSize(output) > 0) {
            failures.add(what + " was rendered (exit " + run.exitCode + "): the policy does not refuse it");
        }
    }

    private void checkJpegRenders(Path work, List<String> failures) {
        Path input = work.resolve("canary.jpg");
        Path output = work.resolve("canary.out.jpg");
        write(input, CANARY_JPEG);
        Run run = exec(work, "canary-jpeg", "-define", "registry:temporary-path=" + work, "jpeg:" + input + "[0]",
                "-auto-orient", "-thumbnail", "8x8", "-strip", "jpeg:" + output);
        if (failedToRun(run, "convert on a 16x16 JPEG", failures)) {
            return;
        }
        try {
            ImageHeader header = HeaderSniffer.sniff(Files.readAllBytes(output));
            if (header.format() != ImageFormat.JPEG || header.width() > 8 || header.height() > 8) {
                failures.add("a 16x16 JPEG rendered to " + header + ", not a JPEG within 8x8");
            }
        } catch (IOException | RuntimeException e) {
            failures.add("a 16x16 JPEG rendered to an unreadable output: " + e.getMessage());
        }
    }

    private boolean failedToRun(Run run, String what, List<String> failures) {
        if (run.timedOut) {
            failures.add(what + " did not finish within " + timeout.toSeconds() + " s and was killed");
        } else if (run.exitCode != 0) {
            failures.add(what + " exited with " + run.exitCode + ": " + firstLine(run.output));
        }
        return run.timedOut || run.exitCode != 0;
    }

    private Run exec(Path work, String name, String... args) {
        List<String> command = new ArrayList<>(List.of(convert.toString()));
        command.addAll(List.of(args));
        Path log = work.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        configureChild(builder, policyDir);
        Process process;
        try {
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            return new Run(-1, false, "cannot start: " + e.getMessage());
        }
        boolean finished = false;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!finished) {
                kill(process);
            }
        }
        return new Run(finished ? process.exitValue() : -1, !finished, ConvertProcess.head(log, MAX_OUTPUT_BYTES));
    }

    /** SIGTERM first so ImageMagick can delete its temp files, then SIGKILL. */
    private static void kill(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static InputStream policyStream() throws IOException {
        InputStream in = ImageMagickSelfTest.class.getResourceAsStream(POLICY_RESOURCE);
        if (in == null) {
            throw new IOException(POLICY_RESOURCE + " is missing from the classpath");
        }
        return in;
    }

    private static String firstLine(String output) {
        String trimmed = output.strip();
        int newline = trimmed.indexOf('\n');
        return trimmed.isEmpty() ? "no output" : newline < 0 ? trimmed : trimmed.substring(0, newline);
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path work, List<String> failures) {
        try {
            TempDirSweeper.deleteWorkDir(work);
        } catch (IOException e) {
            failures.add("cannot delete the work directory " + work + ": " + e);
        }
    }
}
