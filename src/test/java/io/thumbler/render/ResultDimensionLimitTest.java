package io.thumbler.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.thumbler.transform.OptionParser;
import io.thumbler.transform.Presets;
import io.thumbler.transform.Transform;

/**
 * {@code max_result_dimension}: the cases of imgproxy's {@code TestResultSizeLimit}
 * (processing_test.go), on its 200×100 {@code geometry.png}, with its expected sizes.
 */
class ResultDimensionLimitTest {

    private static Transform parse(String options) {
        return new OptionParser(Presets.NONE, false, true).parse(Arrays.asList(options.split("/")));
    }

    @ParameterizedTest(name = "{0} -> {1}x{2}")
    @CsvSource(delimiter = '|', value = {
        "mrd:1000/rs:fit:100:100|100|50",
        "mrd:50/rs:fit:100:100|50|25",
        "mrd:50/rs:fit:0:0|50|25",
        "mrd:100/rs:fit:0:100|100|50",
        "mrd:50/rs:fit:150:0|50|25",
        "mrd:100/rs:fit:1000:1000|100|50",
        "mrd:100/rs:fit:1000:1000/el:1|100|50",
        "mrd:100/rs:fit:1000:2000/ex:1|50|100",
        "mrd:100/rs:fit:1000:2000/exar:1|50|100",
        "mrd:100/rs:fit:100:150/rot:90|50|100",
        "mrd:100/rs:fit:0:0/rot:90|50|100",
        "mrd:200/rs:fit:100:100/pd:100:200:300:400|200|129",
        "mrd:1000/rs:fill:100:100|100|100",
        "mrd:50/rs:fill:100:100|50|50",
        "mrd:50/rs:fill:1000:50|50|13",
        "mrd:50/rs:fill:100:1000|50|50",
        "mrd:50/rs:fill:0:0|50|25",
        "mrd:100/rs:fill:0:100|100|50",
        "mrd:50/rs:fill:150:0|50|25",
        "mrd:100/rs:fill:1000:1000|100|50",
        "mrd:100/rs:fill:1000:1000/el:1|100|100",
        "mrd:100/rs:fill:1000:2000/ex:1|50|100",
        "mrd:100/rs:fill:1000:2000/exar:1|50|100",
        "mrd:100/rs:fill:100:150/rot:90|67|100",
        "mrd:100/rs:fill:0:0/rot:90|50|100",
        "mrd:200/rs:fill:100:100/pd:100:200:300:400|200|144",
        "mrd:1000/rs:fill-down:100:100|100|100",
        "mrd:50/rs:fill-down:100:100|50|50",
        "mrd:50/rs:fill-down:1000:50|50|3",
        "mrd:50/rs:fill-down:100:1000|5|50",
        "mrd:50/rs:fill-down:0:0|50|25",
        "mrd:100/rs:fill-down:0:100|100|50",
        "mrd:50/rs:fill-down:150:0|50|25",
        "mrd:100/rs:fill-down:1000:1000|100|100",
        "mrd:100/rs:fill-down:1000:1000/el:1|100|100",
        "mrd:100/rs:fill-down:1000:2000/ex:1|50|100",
        "mrd:100/rs:fill-down:1000:2000/exar:1|50|100",
        "mrd:100/rs:fill-down:1000:1500/rot:90|67|100",
        "mrd:100/rs:fill-down:0:0/rot:90|50|100",
        "mrd:200/rs:fill-down:100:100/pd:100:200:300:400|200|144",
        "mrd:200/rs:fill-down:1000:1000/pd:100:200:300:400|200|144",
    })
    void theResultIsScaledDownToTheLimitAsInImgproxy(String options, int ow, int oh) {
        ResizeGeometry g = GeometryPlanner.plan(200, 100, parse(options));
        assertThat(g.outputWidth() + "x" + g.outputHeight()).isEqualTo(ow + "x" + oh);
    }
}
