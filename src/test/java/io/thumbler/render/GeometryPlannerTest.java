package io.thumbler.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.thumbler.transform.Gravity;
import io.thumbler.transform.GravityType;
import io.thumbler.transform.ResizeType;
import io.thumbler.transform.Transform;

class GeometryPlannerTest {

    private static Transform box(ResizeType type, int w, int h) {
        return Transform.builder().resizeType(type).width(w).height(h).build();
    }

    @ParameterizedTest(name = "{0} {1}x{2} of {3}x{4} -> {5}x{6}")
    @CsvSource({
        // type, box w, box h, source w, source h, output w, output h
        "FIT, 300, 300, 2560, 1600, 300, 188",
        "FIT, 300, 300, 2560, 3837, 200, 300",
        "FIT, 300, 0, 2560, 1600, 300, 188",
        "FIT, 0, 100, 2560, 1600, 160, 100",
        "FIT, 0, 0, 2560, 1600, 2560, 1600",
        "FIT, 300, 300, 50, 70, 50, 70",
        "FILL, 200, 200, 2560, 3837, 200, 200",
        "FILL, 300, 100, 2560, 1600, 300, 100",
        "FILL, 300, 300, 50, 70, 50, 70",
        "FILL, 300, 0, 2560, 1600, 300, 188",
        "FILL_DOWN, 300, 300, 50, 70, 50, 50",
        "FORCE, 320, 100, 2560, 1600, 320, 100",
        "FORCE, 320, 0, 2560, 1600, 320, 1600",
        "FORCE, 5000, 100, 2560, 1600, 2560, 51",
        "AUTO, 300, 200, 2560, 1600, 300, 200",
        "AUTO, 200, 300, 2560, 1600, 200, 125",
    })
    void outputSizeIsImgproxys(ResizeType type, int w, int h, int sw, int sh, int ow, int oh) {
        ResizeGeometry g = GeometryPlanner.plan(sw, sh, box(type, w, h));
        assertThat(g.outputWidth()).isEqualTo(ow);
        assertThat(g.outputHeight()).isEqualTo(oh);
    }

    @Test
    void enlargeLetsSmallSourcesGrow() {
        Transform t = Transform.builder().width(300).height(300).enlarge(true).build();
        ResizeGeometry g = GeometryPlanner.plan(50, 70, t);
        assertThat(g.outputWidth()).isEqualTo(214);
        assertThat(g.outputHeight()).isEqualTo(300);
    }

    @ParameterizedTest(name = "gravity {0} puts the crop at {1},{2}")
    @CsvSource({
        "CENTER, 0, 50", "NORTH, 0, 0", "SOUTH, 0, 100",
        "NORTH_WEST, 0, 0", "SOUTH_EAST, 0, 100", "WEST, 0, 50", "EAST, 0, 50",
    })
    void fillCropFollowsGravity(GravityType gravity, int x, int y) {
        Transform t = box(ResizeType.FILL, 200, 200).toBuilder().gravity(new Gravity(gravity, 0, 0)).build();
        ResizeGeometry g = GeometryPlanner.plan(2560, 3837, t);
        assertThat(g.resizeWidth()).isEqualTo(200);
        assertThat(g.resizeHeight()).isEqualTo(300);
        assertThat(g.resultCrop().get().x()).isEqualTo(x);
        assertThat(g.resultCrop().get().y()).isEqualTo(y);
    }

    @Test
    void horizontalGravityOnALandscapeCrop() {
        Transform east = box(ResizeType.FILL, 100, 100).toBuilder().gravity(new Gravity(GravityType.EAST, 0, 0)).build();
        ResizeGeometry g = GeometryPlanner.plan(2560, 1600, east);
        assertThat(g.resizeWidth()).isEqualTo(160);
        assertThat(g.resultCrop().get().x()).isEqualTo(60);
    }

    @Test
    void offsetsMoveAwayFromTheAnchoredEdgeAndStayInside() {
        Transform t = box(ResizeType.FILL, 100, 100).toBuilder().gravity(new Gravity(GravityType.EAST, 10, 0)).build();
        assertThat(GeometryPlanner.plan(2560, 1600, t).resultCrop().get().x()).isEqualTo(50);
        Transform west = t.toBuilder().gravity(new Gravity(GravityType.WEST, 1000, 0)).build();
        assertThat(GeometryPlanner.plan(2560, 1600, west).resultCrop().get().x()).isEqualTo(60);
        // imgproxy: a relative offset is a fraction of the outer (scaled) image, 0.1 * 160 = 16
        Transform relative = t.toBuilder().gravity(new Gravity(GravityType.WEST, 0.1, 0)).build();
        assertThat(GeometryPlanner.plan(2560, 1600, relative).resultCrop().get().x()).isEqualTo(16);
    }

    @Test
    void extendPlacesTheImageOnTheFullCanvasByGravity() {
        Transform t = Transform.builder().width(100).height(100).extend(true).build();
        ResizeGeometry g = GeometryPlanner.plan(2560, 1600, t);
        assertThat(g.outputWidth()).isEqualTo(100);
        assertThat(g.outputHeight()).isEqualTo(100);
        assertThat(g.croppedHeight()).isEqualTo(63);
        assertThat(g.extend().get().y()).isEqualTo(19);
    }
}
