package io.thumbler.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;

/**
 * Runs one ImageMagick process and never lets it outlive its deadline.
 *
 * <p>im4java's synchronous {@code run()} waits without a timeout and does not stop the child when
 * the Java thread is interrupted, so Thumbler builds the
 * arguments with im4java and holds the {@link Process} itself: at the deadline SIGTERM (which lets
 * ImageMagick delete its spill files), two seconds later SIGKILL. stderr and stdout (where an
 * analysis pass {@code -print}s) go to two files in the render's private work directory, of which
 * the first {@value #STDERR_LIMIT} bytes are read once the process has ended: no pipe can fill up
 * and block the child, nothing unbounded reaches the heap, and no thread is started per process
 * (two drain threads per render cost about a millisecond each on a busy machine). The files go
 * with the work directory. stderr carries the reason of a failure into the log.
 *
 * <p>The child gets only the environment it needs ({@link #BASE_ENVIRONMENT} plus the given
 * {@code MAGICK_*} variables), never the server's: that holds the signing key, the origin secret
 * and cloud credentials, which a flaw in a decoder must not be able to read.
 *
 * <p>Children run at niceness {@value #NICENESS} (through {@code /usr/bin/nice}, which replaces
 * itself with {@code convert}: same process, same PID): when renders and requests compete for the
 * cores, the request threads come first, so cache hits and refusals stay fast while every core
 * renders, and a render loses nothing when the cores are otherwise idle.
 *
 * <p>Every running child is tracked so that a shutdown can end the ones still running at its
 * deadline ({@link #stopAll()}). The registry is static on purpose: it holds the children of this
 * deployment's class loader, whichever {@code ConvertProcess} started them.
 */
public final class ConvertProcess {

    /** How much of stderr is kept; ImageMagick's first lines carry the reason. */
    static final int STDERR_LIMIT = 8 * 1024;
    private static final Duration TERM_GRACE = Duration.ofSeconds(2);
    static final int NICENESS = 10;
    private static final Path NICE = Path.of("/usr/bin/nice");
    /** Without coreutils' nice (not seen on any supported system), children run at the JVM's priority. */
    private static final List<String> PREFIX = Files.isExecutable(NICE)
            ? List.of(NICE.toString(), "-n", Integer.toString(NICENESS)) : List.of();
    /**
     * What every child starts from: {@code PATH} for the few helpers ImageMagick may run, and the C
     * locale, so that numbers an analysis pass prints always use a decimal point whatever the
     * server's locale is. No {@code HOME}: ImageMagick then reads no per-user configuration.
     */
    static final Map<String, String> BASE_ENVIRONMENT = Map.of("PATH", "/usr/bin:/bin", "LC_ALL", "C");
    /** Names of the output files in the work directory; dot-files, as no render names a file so. */
    static final String STDOUT_FILE = ".convert-stdout";
    static final String STDERR_FILE = ".convert-stderr";
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    /** Children ended by {@link #stopAll()}: their exit is a shutdown, not a bad original. */
    private static final Set<Process> STOPPED = ConcurrentHashMap.newKeySet();

    private final Path binary;
    private final Map<String, String> environment;
    private final Duration deadline;

    /**
     * @param binary      the {@code convert} executable (never looked up on PATH)
     * @param environment variables for the child, e.g. {@code MAGICK_CONFIGURE_PATH} pointing at
     *                    Thumbler's policy and {@code MAGICK_THREAD_LIMIT=1}
     * @param deadline    wall-clock budget of one process
     */
    public ConvertProcess(Path binary, Map<String, String> environment, Duration deadline) {
        this.binary = binary;
        this.environment = Map.copyOf(environment);
        this.deadline = deadline;
    }

    /**
     * The outcome of a process that ended within its deadline.
     *
     * @param stdout what {@code -print} wrote (analysis passes), bounded like stderr
     */
    public record Result(int exitCode, String stderr, long millis, String stdout) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /**
     * Runs {@code convert} with {@code arguments} in {@code workDir}.
     *
     * @throws ThumblerException 504 when the deadline passed (the process is gone by then),
     *         500 when the process could not be started
     */
    public Result run(List<String> arguments, Path workDir) {
        return run(arguments, workDir, deadline);
    }

    /**
     * Runs {@code convert} with at most {@code budget} of wall time: what is left of a render's
     * deadline when it takes several processes (analysis, re-encodes under {@code max_bytes}).
     *
     * @throws ThumblerException 504 when the budget is spent (before the start, or while it runs),
     *         500 when the process could not be started
     */
    public Result run(List<String> arguments, Path workDir, Duration budget) {
        if (budget.isNegative() || budget.isZero()) {
            throw overDeadline("no time left to start another ImageMagick process");
        }
        List<String> command = new ArrayList<>(arguments.size() + 4);
        command.addAll(PREFIX);
        command.add(binary.toString());
        command.addAll(arguments);
        Path stdoutFile = workDir.resolve(STDOUT_FILE);
        Path stderrFile = workDir.resolve(STDERR_FILE);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(stdoutFile.toFile())
                .redirectError(stderrFile.toFile());
        isolate(pb).putAll(environment);
        // ImageMagick's own time limit, in whole seconds, is what is left of the deadline: it then
        // gives up when the watchdog would stop it, and says why ("time limit exceeded").
        pb.environment().put("MAGICK_TIME_LIMIT", Long.toString(Math.max(1, (budget.toMillis() + 999) / 1000)));
        long start = System.nanoTime();
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new ThumblerException(ErrorKind.RENDER_FAILED, "the renderer could not be started",
                    "cannot start " + binary + ": " + e.getMessage(), e);
        }
        LIVE.add(process);
        try {
            boolean ended = process.waitFor(budget.toMillis(), TimeUnit.MILLISECONDS);
            if (STOPPED.remove(process)) {
                throw shuttingDown(null);
            }
            if (!ended) {
                stop(process);
                throw overDeadline("convert killed after " + budget + "; stderr: " + head(stderrFile, STDERR_LIMIT).strip());
            }
            return new Result(process.exitValue(), head(stderrFile, STDERR_LIMIT).strip(), (System.nanoTime() - start) / 1_000_000,
                    head(stdoutFile, STDERR_LIMIT).strip());
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw shuttingDown(e);
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            LIVE.remove(process);
            STOPPED.remove(process);
        }
    }

    /**
     * Gives a child about to start the environment every ImageMagick process of Thumbler's gets
     * ({@link #BASE_ENVIRONMENT}) instead of the server's.
     *
     * @return the child's environment, for the caller to add its {@code MAGICK_*} variables
     */
    public static Map<String, String> isolate(ProcessBuilder child) {
        Map<String, String> environment = child.environment();
        environment.clear();
        environment.putAll(BASE_ENVIRONMENT);
        return environment;
    }

    /** The first {@code limit} bytes of a child's output file, as text; empty when there is no such file. */
    static String head(Path file, int limit) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(limit), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private ThumblerException overDeadline(String detail) {
        return new ThumblerException(ErrorKind.RENDER_TIMEOUT, "rendering took longer than the " + deadline.toSeconds() + " s deadline", detail, null);
    }
    private static ThumblerException shuttingDown(Throwable cause) {
        return new ThumblerException(ErrorKind.SHUTTING_DOWN, "rendering was interrupted (the server is shutting down)", null, cause);
    }

    /**
     * Ends every child still running, for a shutdown past its drain deadline: SIGTERM to all at
     * once, one grace period, then SIGKILL to the rest. Their callers get 503.
     *
     * @return how many processes were running
     */
    public static int stopAll() {
        Set<Process> running = Set.copyOf(LIVE);
        STOPPED.addAll(running);
        running.forEach(Process::destroy);
        long until = System.nanoTime() + TERM_GRACE.toNanos();
        for (Process p : running) {
            try {
                long left = until - System.nanoTime();
                if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        return running.size();
    }

    /** Children running now. */
    public static int running() {
        return LIVE.size();
    }

    /** SIGTERM, a grace period for ImageMagick to remove its spill files, then SIGKILL. */
    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
