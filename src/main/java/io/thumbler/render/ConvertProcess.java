package io.thumbler.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * analysis pass {@code -print}s) are drained concurrently
 * into a bounded buffer (a chatty process can neither block on a full pipe nor fill the heap) and
 * carries the reason of a failure into the log.
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
    private static final List<String> PREFIX = java.nio.file.Files.isExecutable(NICE)
            ? List.of(NICE.toString(), "-n", Integer.toString(NICENESS)) : List.of();
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
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // Inherited MAGICK_* variables could point ImageMagick at another policy or raise limits.
        pb.environment().keySet().removeIf(k -> k.startsWith("MAGICK_"));
        pb.environment().putAll(environment);
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
        BoundedDrain stderr = BoundedDrain.start(process.getErrorStream(), STDERR_LIMIT);
        BoundedDrain stdout = BoundedDrain.start(process.getInputStream(), STDERR_LIMIT);
        try {
            boolean ended = process.waitFor(budget.toMillis(), TimeUnit.MILLISECONDS);
            if (STOPPED.remove(process)) {
                throw shuttingDown(null);
            }
            if (!ended) {
                stop(process);
                throw overDeadline("convert killed after " + budget + "; stderr: " + stderr.text());
            }
            stderr.await();
            stdout.await();
            return new Result(process.exitValue(), stderr.text(), (System.nanoTime() - start) / 1_000_000, stdout.text());
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

    /** Reads a stream to its end on a daemon thread, keeping only its first {@code limit} bytes. */
    private static final class BoundedDrain implements Runnable {
        private final InputStream in;
        private final int limit;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final Thread thread;

        private BoundedDrain(InputStream in, int limit) {
            this.in = in;
            this.limit = limit;
            this.thread = new Thread(this, "convert-stderr");
            this.thread.setDaemon(true);
        }

        static BoundedDrain start(InputStream in, int limit) {
            BoundedDrain d = new BoundedDrain(in, limit);
            d.thread.start();
            return d;
        }

        @Override
        public void run() {
            byte[] buf = new byte[4096];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    synchronized (kept) {
                        int room = limit - kept.size();
                        if (room > 0) {
                            kept.write(buf, 0, Math.min(room, n));
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process was killed; what was read so far is kept
            }
        }

        void await() throws InterruptedException {
            thread.join(TERM_GRACE.toMillis());
        }

        String text() {
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8).strip();
            }
        }
    }
}
