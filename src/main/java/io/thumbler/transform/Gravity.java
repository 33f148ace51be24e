package io.thumbler.transform;

/**
 * A gravity with its offsets. Offsets below 1 (in absolute value) are relative to the free space,
 * as imgproxy defines them; from 1 up they are pixels.
 */
public record Gravity(GravityType type, double offsetX, double offsetY) {

    public static final Gravity CENTER = new Gravity(GravityType.CENTER, 0, 0);

    /** The text form used in canonical transforms, e.g. {@code nowe:10:5}. */
    String canonical() {
        if (offsetX == 0 && offsetY == 0) {
            return type.urlName();
        }
        return type.urlName() + ":" + Numbers.format(offsetX) + ":" + Numbers.format(offsetY);
    }
}
