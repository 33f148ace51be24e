package io.thumbler.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.thumbler.transform.InvalidOptionException;
import io.thumbler.transform.OptionParser;
import io.thumbler.transform.Transform;

/**
 * Output sizes and windows for every geometry option, computed by hand with imgproxy's arithmetic
 * (processing/prepare.go calcScale, calc_position.go, crop.go, extend.go, padding.go).
 */
class GeometryOptionsPlanTest {

    private static Transform parse(String options) {
        return new OptionParser().parse(Arrays.asList(options.split("/")));
    }

    @ParameterizedTest(name = "{0} of {1}x{2} -> {3}x{4}")
    @CsvSource(delimiter = '|', value = {
        // options | source w | source h | output w | output h
        "w:100/mw:200|2560|1600|100|125",          // min-width scales to 200x125, then the box width crops it
        "mh:400/w:100|2560|1600|100|400",
        "w:300/z:2|2560|1600|600|375",
        "w:300/z:0.5:2|2560|1600|150|375",      // zoom applies to each axis after the box is fitted
        "w:300/dpr:2|2560|1600|600|375",
        "rs:fill:100:50/z:2:3|2560|1600|200|150",   // fill: the window is the box times the zoom of each axis
        "rs:fill:100:50/dpr:2/z:1.5|2560|1600|300|150", // ... times the DPR as well
        "w:100/dpr:2|50|70|50|70",                 // dpr never enlarges a small source
        "w:100/dpr:2/el:1|50|70|200|280",
        "w:100/pd:10/dpr:2|2560|1600|240|165",     // padding scales with the DPR
        "w:100/pd:10:20|2560|1600|140|83",
        "pd:1:2:3:4|50|70|56|74",
        "rs:fit:100:100/exar:1|2560|1600|100|100",
        "rs:fit:200:100/exar:1|1600|2560|200|100",
        "rs:fit:100:100/ex:1|2560|1600|100|100",
        "rs:fit:100:100:0:1|2560|1600|100|100",
        "rs:fill:200:200/ex:1|50|70|200|200",
        "c:1000:1000/w:100|2560|1600|100|100",
        "c:0.5:0.25|2560|1600|1280|400",
        "c:300|2560|1600|300|1600",
        "rot:90/w:100|2560|1600|100|160",
        "rot:270/rs:fill:100:50|2560|1600|100|50",
        "rs:fill-down:1000:500|800|600|800|400",
        "rs:auto:100:200|2560|1600|100|63",
        "rs:auto:200:100|2560|1600|200|100",
        "rs:auto:200:300|1600|2560|200|300",        // portrait into portrait: fill
        "rs:auto:300:200|1000|1000|300|200",        // a square source counts as landscape: fill ...
        "rs:auto:200:300|1000|1000|200|200",        // ... and fits a portrait box
        "rs:auto:200:200|2560|1600|200|200",        // a square box counts as landscape too: fill ...
        "rs:auto:200:200|1600|2560|125|200",        // ... and a portrait source fits it
        "rs:fill:0:100|2560|1600|160|100",          // fill with one side: the other follows it
        "h:100/mh:200|1600|2560|125|100",           // min-height scales to 125x200, then the box height crops it
        "rs:fit:300:300/dpr:0.5|100|100|100|100",   // a DPR below 1 never shrinks a source smaller than the box ...
        "rs:fit:300:300/ex:1/dpr:0.5|100|100|150|150", // ... unless extend keeps the composition: half on half
        "c:1:1|2560|1600|1|1",                      // a crop of 1 is one pixel, not the whole side
        "c:5000:5000|2560|1600|2560|1600",          // a crop larger than the source keeps the source
    })
    void outputSizeIsImgproxys(String options, int sw, int sh, int ow, int oh) {
        ResizeGeometry g = GeometryPlanner.plan(sw, sh, parse(options));
        assertThat(g.outputWidth()).isEqualTo(ow);
        assertThat(g.outputHeight()).isEqualTo(oh);
    }

    @ParameterizedTest(name = "{0} cuts the source at {1},{2}")
    @CsvSource(delimiter = '|', value = {
        "c:1000:1000|780|300",            // centre: round-half-even of (2560 - 1000 + 1) / 2
        "c:0.5:0.5|640|400",
        "c:1000:1000:nowe|0|0",
        "c:1000:1000:soea|1560|600",
        "c:1000:1000:we:100:50|100|350",
        "c:1000:1000:fp:0.9:0.1|1560|0",
        "c:1000:1000/g:so|780|600",       // a crop without gravity follows the gravity option
        "c:300|1130|0",                   // one side only: the other is kept whole
        "c:0:400|0|600",
    })
    void cropIsPlacedInSourcePixels(String options, int x, int y) {
        Rect r = GeometryPlanner.plan(2560, 1600, parse(options)).sourceCrop().orElseThrow();
        assertThat(r.x()).isEqualTo(x);
        assertThat(r.y()).isEqualTo(y);
    }

    @ParameterizedTest(name = "{0} places the window at x={1}")
    @CsvSource(delimiter = '|', value = {
        "rs:fill:100:100/g:fp:0.4:0.5|14",
        "rs:fill:100:100/g:fp:0.9:0.5|60",
        "rs:fill:100:100/g:fp:0:0|0",
        "rs:fill:100:100/g:ce:10:0|40",
        "rs:fill:100:100/g:ea:0.1|44",
    })
    void gravityPlacesTheResultWindow(String options, int x) {
        assertThat(GeometryPlanner.plan(2560, 1600, parse(options)).resultCrop().orElseThrow().x()).isEqualTo(x);
    }

    @Test
    void extendGravityAnchorsTheImageOnTheCanvas() {
        assertThat(GeometryPlanner.plan(2560, 1600, parse("rs:fit:100:100/ex:1:no")).extend().orElseThrow().y()).isZero();
        assertThat(GeometryPlanner.plan(2560, 1600, parse("rs:fit:100:100/ex:1:so")).extend().orElseThrow().y()).isEqualTo(37);
        assertThat(GeometryPlanner.plan(2560, 1600, parse("rs:fit:100:100/exar:1:so")).aspectExtend().orElseThrow().y()).isEqualTo(37);
    }

    @Test
    void aTrimBoxIsTheSourceThePlanScales() {
        SourceFrame trimmed = new SourceFrame(2560, 1600, Optional.of(new Rect(100, 50, 1000, 800)), Optional.empty());
        ResizeGeometry g = GeometryPlanner.plan(trimmed, parse("w:100"));
        assertThat(g.sourceCrop()).contains(new Rect(100, 50, 1000, 800));
        assertThat(g.outputWidth()).isEqualTo(100);
        assertThat(g.outputHeight()).isEqualTo(80);
    }

    @Test
    void smartGravityCentresTheWindowOnTheDetail() {
        BufferedImage preview = new BufferedImage(96, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = preview.createGraphics();
        gr.setColor(Color.GRAY);
        gr.fillRect(0, 0, 96, 60);
        gr.setColor(Color.RED);
        gr.fillRect(80, 20, 10, 10); // a small coloured subject near the right edge
        gr.dispose();
        SourceFrame frame = new SourceFrame(2560, 1600, Optional.empty(), Optional.of(SaliencyMap.of(preview)));

        Rect right = GeometryPlanner.plan(frame, parse("rs:fill:100:100/g:sm")).resultCrop().orElseThrow();
        // the subject spans x 133..150 of the 160 px wide scaled image: the window holds it, nearest the centre
        assertThat(right.x()).isBetween(51, 60);
        assertThat(GeometryPlanner.plan(frame, parse("rs:fill:100:100/g:sm"))).isEqualTo(GeometryPlanner.plan(frame, parse("rs:fill:100:100/g:sm")));

        Rect left = GeometryPlanner.plan(SourceFrame.of(2560, 1600), parse("rs:fill:100:100/g:sm")).resultCrop().orElseThrow();
        assertThat(left.x()).isEqualTo(30); // no map: the centre
    }

    /** Smart gravity weighs the source with the crop's window and the result's window, each way. */
    @Test
    void smartGravityFindsADetailInBothDirections() {
        BufferedImage preview = new BufferedImage(96, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = preview.createGraphics();
        gr.setColor(Color.GRAY);
        gr.fillRect(0, 0, 96, 60);
        gr.setColor(Color.RED);
        gr.fillRect(80, 45, 10, 10); // near the bottom right corner
        gr.dispose();
        SourceFrame frame = new SourceFrame(2560, 1600, Optional.empty(), Optional.of(SaliencyMap.of(preview)));

        Rect crop = GeometryPlanner.plan(frame, parse("c:800:800:sm")).sourceCrop().orElseThrow();
        // the subject spans x 2133..2400 and y 1200..1467 of the source; a centred crop (880,400) misses it
        assertThat(crop.x()).isBetween(2400 - 800, 2133);
        assertThat(crop.y()).isBetween(1467 - 800, 1200);

        Rect window = GeometryPlanner.plan(frame, parse("rs:fill:100:20/g:sm")).resultCrop().orElseThrow();
        // scaled to 100x63; the window 100x20 holds the subject (y 47..55) rather than the centre (y 21)
        assertThat(window.y()).isBetween(36, 43);
    }

    /** A fitted image, or a fill whose scaled size is the box, is not cut; extend adds no canvas it fills. */
    @Test
    void nothingIsCutOrExtendedWhenTheImageIsTheBox() {
        assertThat(GeometryPlanner.plan(2560, 1600, parse("rs:fit:300:300")).resultCrop()).isEmpty();
        assertThat(GeometryPlanner.plan(2560, 1600, parse("rs:fill:320:200")).resultCrop()).isEmpty();
        ResizeGeometry filled = GeometryPlanner.plan(2560, 1600, parse("rs:fill:300:200/ex:1"));
        assertThat(filled.resultCrop()).isPresent();
        assertThat(filled.extend()).isEmpty();
        assertThat(GeometryPlanner.plan(2560, 1600, parse("rs:fit:300:300/ex:1")).extend()).isPresent();
    }

    @Test
    void aResultOfExactlyTheLargestSideIsAllowed() {
        ResizeGeometry g = GeometryPlanner.plan(GeometryPlanner.MAX_OUTPUT_SIDE, GeometryPlanner.MAX_OUTPUT_SIDE, Transform.defaults());
        assertThat(g.outputWidth()).isEqualTo(GeometryPlanner.MAX_OUTPUT_SIDE);
        assertThat(g.outputHeight()).isEqualTo(GeometryPlanner.MAX_OUTPUT_SIDE);
        assertThatThrownBy(() -> GeometryPlanner.plan(GeometryPlanner.MAX_OUTPUT_SIDE + 1, 100, Transform.defaults()))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("no side may exceed 16384");
    }

    @Test
    void anOversizedResultIs400() {
        assertThatThrownBy(() -> GeometryPlanner.plan(2560, 1600, parse("rs:fit:8000:8000/el:1/dpr:4")))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("the result would be 32000x20000 pixels; no side may exceed 16384");
    }
}
