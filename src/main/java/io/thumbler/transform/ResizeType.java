package io.thumbler.transform;

import java.util.Arrays;
import java.util.stream.Collectors;

/** imgproxy's resizing types. */
public enum ResizeType {
    /** Keep the aspect ratio and fit inside the box. imgproxy's default. */
    FIT("fit"),
    /** Keep the aspect ratio, cover the box, crop what sticks out. */
    FILL("fill"),
    /** Like fill, but never larger than the source: the box shrinks to keep its aspect ratio. */
    FILL_DOWN("fill-down"),
    /** Ignore the aspect ratio: exactly the box. */
    FORCE("force"),
    /** Fill when source and box have the same orientation, fit otherwise. */
    AUTO("auto");

    private final String urlName;

    ResizeType(String urlName) {
        this.urlName = urlName;
    }

    public String urlName() {
        return urlName;
    }

    static ResizeType parse(OptionName option, String value) {
        for (ResizeType t : values()) {
            if (t.urlName.equals(value)) {
                return t;
            }
        }
        throw InvalidOptionException.of(option, "resizing type '" + value + "' is not one of "
                + Arrays.stream(values()).map(ResizeType::urlName).collect(Collectors.joining(", ")));
    }
}
