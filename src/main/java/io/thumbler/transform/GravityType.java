package io.thumbler.transform;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where a crop or an extension anchors: the compass points of imgproxy's {@code gravity}, its
 * focus point {@code fp} and its smart gravity {@code sm}.
 */
public enum GravityType {
    CENTER("ce"),
    NORTH("no"),
    SOUTH("so"),
    EAST("ea"),
    WEST("we"),
    NORTH_EAST("noea"),
    NORTH_WEST("nowe"),
    SOUTH_EAST("soea"),
    SOUTH_WEST("sowe"),
    /** Offsets are the point's relative position (0–1) that the window centres on. */
    FOCUS_POINT("fp"),
    /** The window that holds the most detail, found by {@code render.SaliencyMap}. */
    SMART("sm");

    private final String urlName;

    GravityType(String urlName) {
        this.urlName = urlName;
    }

    public String urlName() {
        return urlName;
    }

    public boolean anchorsNorth() {
        return this == NORTH || this == NORTH_EAST || this == NORTH_WEST;
    }

    public boolean anchorsSouth() {
        return this == SOUTH || this == SOUTH_EAST || this == SOUTH_WEST;
    }

    public boolean anchorsEast() {
        return this == EAST || this == NORTH_EAST || this == SOUTH_EAST;
    }

    public boolean anchorsWest() {
        return this == WEST || this == NORTH_WEST || this == SOUTH_WEST;
    }

    static GravityType parse(OptionName option, String value, boolean smartAllowed) {
        for (GravityType g : values()) {
            if (g.urlName.equals(value) && (smartAllowed || g != SMART)) {
                return g;
            }
        }
        throw InvalidOptionException.of(option, "gravity '" + value + "' is not one of "
                + Arrays.stream(values()).filter(g -> smartAllowed || g != SMART)
                        .map(GravityType::urlName).collect(Collectors.joining(", ")));
    }
}
