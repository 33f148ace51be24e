package io.thumbler.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;

class ThumblerExceptionMapperTest {

    @Test
    void loadSheddingIsNotAWarningButOtherServerErrorsAre() {
        assertThat(ThumblerExceptionMapper.levelOf(new ThumblerException(ErrorKind.OVERLOADED, "the server is busy"))).isEqualTo(Level.FINE);
        assertThat(ThumblerExceptionMapper.levelOf(new ThumblerException(ErrorKind.RENDER_FAILED, "the renderer ended abnormally", "exit 137", null)))
                .isEqualTo(Level.WARNING);
        assertThat(ThumblerExceptionMapper.levelOf(new ThumblerException(ErrorKind.BAD_ORIGINAL, "bad", "convert exit 1: …", null))).isEqualTo(Level.INFO);
        assertThat(ThumblerExceptionMapper.levelOf(ThumblerException.badRequest("option 'w'"))).isEqualTo(Level.FINE);
    }
}
