package io.thumbler.transform;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where a crop or an extension anchors: the compass points of imgproxy's {@code gravity}. */
public enum GravityType {
    CENTER("ce", 0.5, 0.5),
    NORTH("no", 0.5, 0.0),
    SOUTH("so", 0.5, 1.0),
    EAST("ea", 1.0, 0.5),
    WEST("we", 0.0, 0.5),
    NORTH_EAST("noea", 1.0, 0.0),
    NORTH_WEST("nowe", 0.0, 0.0),
    SOUTH_EAST("soea", 1.0, 1.0),
    SOUTH_WEST("sowe", 0.0, 1.0);

    private final String urlName;
    private final double anchorX;
    private final double anchorY;

    GravityType(String urlName, double anchorX, double anchorY) {
        this.urlName = urlName;
        this.anchorX = anchorX;
        this.anchorY = anchorY;
    }

    public String urlName() {
        return urlName;
    }

    /** 0 = left edge, 0.5 = centre, 1 = right edge. */
    public double anchorX() {
        return anchorX;
    }

    /** 0 = top edge, 0.5 = centre, 1 = bottom edge. */
    public double anchorY() {
        return anchorY;
    }

    static GravityType parse(OptionName option, String value) {
        for (GravityType g : values()) {
            if (g.urlName.equals(value)) {
                return g;
            }
        }
        throw InvalidOptionException.of(option, "gravity '" + value + "' is not one of "
                + Arrays.stream(values()).map(GravityType::urlName).collect(Collectors.joining(", ")));
    }
}
