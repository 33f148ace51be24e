package io.thumbler.render;

import java.time.Duration;
import java.util.Locale;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;

/**
 * What a {@code convert} that ended without success means for the request, decided from how it
 * ended. Only a failure that will repeat, because the original itself is bad, is a 422 (cacheable,
 * remembered for {@code THUMBLER_FAILURE_TTL}); a process that was killed or crashed, ImageMagick's
 * own time limit and a full disk say nothing about the original and are 5xx, {@code no-store}, and
 * rendered afresh by the next request.
 */
final class ConvertFailure {

    /** Java reports a child ended by signal N as exit code 128 + N. */
    private static final int SIGNALLED = 128;

    private ConvertFailure() {
    }

    /**
     * @param what     {@code render} or {@code analysis}, for the messages
     * @param deadline the render deadline, named when ImageMagick's own time limit ended it
     */
    static ThumblerException of(String what, ConvertProcess.Result result, Duration deadline) {
        String detail = "convert " + what + " exit " + result.exitCode() + ": " + result.stderr();
        if (result.exitCode() > SIGNALLED) {
            // SIGKILL (137) from an OOM killer or an operator, SIGSEGV (139), SIGABRT (134): the
            // same original may well render next time.
            return new ThumblerException(ErrorKind.RENDER_FAILED, "the renderer ended abnormally (signal " + (result.exitCode() - SIGNALLED)
                    + "); try again", detail, null);
        }
        String stderr = result.stderr().toLowerCase(Locale.ROOT);
        if (stderr.contains("time limit exceeded")) {
            // The policy's "time" resource: the same verdict as the Java watchdog's deadline.
            return new ThumblerException(ErrorKind.RENDER_TIMEOUT, "rendering took longer than the " + deadline.toSeconds() + " s deadline", detail, null);
        }
        if (stderr.contains("no space left") || stderr.contains("disk quota exceeded")) {
            return new ThumblerException(ErrorKind.NO_TEMP_SPACE, "the renderer has no temporary space", detail, null);
        }
        return new ThumblerException(ErrorKind.BAD_ORIGINAL, "ImageMagick could not " + (what.equals("analysis") ? "analyse" : "render")
                + " this original (" + firstLine(result.stderr()) + ")", detail, null);
    }

    /** ImageMagick's first complaint, for the client: without the temp paths it names. */
    static String firstLine(String stderr) {
        String line = stderr.isEmpty() ? "no message" : stderr.lines().findFirst().orElse("");
        line = line.replaceAll("/[^ ']*/" + TempDirSweeper.WORK_DIR_PREFIX + "[^ ']*", "<input>");
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}
