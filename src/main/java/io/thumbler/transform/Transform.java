package io.thumbler.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.thumbler.image.ImageFormat;

/**
 * An immutable description of one render: what the processing options of a URL mean, with
 * aliases resolved, presets expanded and defaults applied.
 *
 * <p>Two URLs that mean the same render have equal transforms and the same {@link #canonical()}
 * text, whatever aliases, argument spellings, presets or option order they used. The output format
 * is resolved by the caller (extension, {@code format} option, {@code Accept}, the original), so
 * it is not decided here. Fields are grouped by imgproxy's pipeline: geometry, orientation,
 * effects, {@link Encoding} and {@link Delivery}.
 */
public final class Transform {

    /** Largest width or height a URL may ask for, so no URL can make the service allocate a huge canvas. */
    public static final int MAX_DIMENSION = 8192;
    /** Quality 0 means "the configured default". */
    public static final int DEFAULT_QUALITY = 0;

    private static final Transform DEFAULTS = new Builder().build();

    private final Builder v;

    private Transform(Builder b) {
        this.v = b.copy();
    }

    public static Transform defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return v.copy();
    }

    public ResizeType resizeType() { return v.resizeType; }
    /** Target width in pixels before DPR and zoom; 0 follows the height. */
    public int width() { return v.width; }
    /** Target height in pixels before DPR and zoom; 0 follows the width. */
    public int height() { return v.height; }
    public int minWidth() { return v.minWidth; }
    public int minHeight() { return v.minHeight; }
    public double zoomX() { return v.zoomX; }
    public double zoomY() { return v.zoomY; }
    public double dpr() { return v.dpr; }
    public boolean enlarge() { return v.enlarge; }
    public Extend extend() { return v.extend; }
    public Extend extendAspectRatio() { return v.extendAspectRatio; }
    public Gravity gravity() { return v.gravity; }
    public Crop crop() { return v.crop; }
    public Trim trim() { return v.trim; }
    public Padding padding() { return v.padding; }
    public boolean autoRotate() { return v.autoRotate; }
    /** Clockwise rotation after orientation: 0, 90, 180 or 270. */
    public int rotate() { return v.rotate; }
    public boolean flipHorizontal() { return v.flipHorizontal; }
    public boolean flipVertical() { return v.flipVertical; }
    /** The colour under transparent areas and of added canvas; empty keeps transparency where the format can. */
    public Optional<Rgb> background() { return Optional.ofNullable(v.background); }
    /** Gaussian blur sigma; 0 for none. */
    public double blur() { return v.blur; }
    /** Sharpen sigma; 0 for none. */
    public double sharpen() { return v.sharpen; }
    /** Pixelation block size before DPR; 0 for none. */
    public int pixelate() { return v.pixelate; }
    /** {@code watermark}: the configured watermark image drawn over the result; off unless its opacity is above 0. */
    public Watermark watermark() { return v.watermark; }
    public Encoding encoding() { return v.encoding; }
    public Delivery delivery() { return v.delivery; }
    /** {@code skip_processing} and {@code raw}: when the original is answered as it is. */
    public Passthrough passthrough() { return v.passthrough; }
    /** {@code enforce_thumbnail}: prefer an embedded thumbnail as the source (a hint; see docs/processing.md). */
    public boolean enforceThumbnail() { return v.enforceThumbnail; }
    /** {@code preserve_hdr}: keep more than 8 bits per channel where the output can (a hint; see docs/processing.md). */
    public boolean preserveHdr() { return v.preserveHdr; }
    /** The security options of the URL, which can only tighten the server's limits. */
    public SecurityOptions security() { return v.security; }

    /** The output format named by the {@code format} option, if any. */
    public Optional<ImageFormat> format() { return v.encoding.format(); }

    /**
     * The stable text form: short option names, defaults left out, a fixed order, e.g.
     * {@code rt:fill/w:300/h:200/g:nowe}. The empty string means "the original, re-encoded".
     */
    public String canonical() {
        Builder d = DEFAULTS.v;
        List<String> p = new ArrayList<>();
        add(p, v.resizeType != d.resizeType, "rt:" + v.resizeType.urlName());
        add(p, v.width != 0, "w:" + v.width);
        add(p, v.height != 0, "h:" + v.height);
        add(p, v.minWidth != 0, "mw:" + v.minWidth);
        add(p, v.minHeight != 0, "mh:" + v.minHeight);
        add(p, v.zoomX != 1 || v.zoomY != 1, "z:" + Numbers.format(v.zoomX) + ":" + Numbers.format(v.zoomY));
        add(p, v.dpr != 1, "dpr:" + Numbers.format(v.dpr));
        add(p, v.enlarge, "el:1");
        add(p, v.extend.enabled(), "ex:" + v.extend.canonical());
        add(p, v.extendAspectRatio.enabled(), "exar:" + v.extendAspectRatio.canonical());
        add(p, !v.gravity.equals(d.gravity), "g:" + v.gravity.canonical());
        add(p, v.crop.enabled(), "c:" + v.crop.canonical());
        add(p, v.trim.enabled(), "t:" + v.trim.canonical());
        add(p, v.padding.enabled(), "pd:" + v.padding.canonical());
        add(p, !v.autoRotate, "ar:0");
        add(p, v.rotate != 0, "rot:" + v.rotate);
        add(p, v.flipHorizontal || v.flipVertical, "fl:" + (v.flipHorizontal ? 1 : 0) + ":" + (v.flipVertical ? 1 : 0));
        add(p, v.background != null, v.background == null ? "" : "bg:" + v.background.hex());
        add(p, v.blur != 0, "bl:" + Numbers.format(v.blur));
        add(p, v.sharpen != 0, "sh:" + Numbers.format(v.sharpen));
        add(p, v.pixelate != 0, "pix:" + v.pixelate);
        add(p, v.watermark.enabled(), "wm:" + v.watermark.canonical());
        v.encoding.appendCanonical(p);
        add(p, v.enforceThumbnail, "eth:1");
        add(p, v.preserveHdr, "ph:1");
        v.passthrough.appendCanonical(p);
        v.security.appendCanonical(p);
        add(p, !v.delivery.cacheBuster().isEmpty(), "cb:" + v.delivery.cacheBuster());
        return String.join("/", p);
    }

    private static void add(List<String> parts, boolean condition, String part) {
        if (condition) {
            parts.add(part);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transform t && canonical().equals(t.canonical()) && v.delivery.equals(t.v.delivery);
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    @Override
    public String toString() {
        return "Transform[" + canonical() + "]";
    }

    /**
     * Collects option values while a URL is parsed; {@link #build()} gives the immutable transform.
     * Option handlers in this package set the fields directly; other packages use the setters.
     */
    public static final class Builder implements Cloneable {
        ResizeType resizeType = ResizeType.FIT;
        int width;
        int height;
        int minWidth;
        int minHeight;
        double zoomX = 1;
        double zoomY = 1;
        double dpr = 1;
        boolean enlarge;
        Extend extend = Extend.OFF;
        Extend extendAspectRatio = Extend.OFF;
        Gravity gravity = Gravity.CENTER;
        Crop crop = Crop.NONE;
        Trim trim = Trim.OFF;
        Padding padding = Padding.NONE;
        boolean autoRotate = true;
        int rotate;
        boolean flipHorizontal;
        boolean flipVertical;
        Rgb background;
        double blur;
        double sharpen;
        int pixelate;
        Watermark watermark = Watermark.NONE;
        Encoding encoding = Encoding.DEFAULTS;
        Delivery delivery = Delivery.DEFAULTS;
        Passthrough passthrough = Passthrough.NONE;
        boolean enforceThumbnail;
        boolean preserveHdr;
        SecurityOptions security = SecurityOptions.NONE;

        private Builder() {
        }

        Builder copy() {
            try {
                return (Builder) clone(); // every field is a primitive or an immutable value
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        public Builder resizeType(ResizeType t) { resizeType = Objects.requireNonNull(t); return this; }
        public Builder width(int w) { width = w; return this; }
        public Builder height(int h) { height = h; return this; }
        public Builder minWidth(int w) { minWidth = w; return this; }
        public Builder minHeight(int h) { minHeight = h; return this; }
        public Builder zoom(double x, double y) { zoomX = x; zoomY = y; return this; }
        public Builder dpr(double d) { dpr = d; return this; }
        public Builder enlarge(boolean e) { enlarge = e; return this; }
        public Builder extend(boolean e) { extend = new Extend(e, extend.gravity()); return this; }
        public Builder extend(Extend e) { extend = Objects.requireNonNull(e); return this; }
        public Builder extendAspectRatio(Extend e) { extendAspectRatio = Objects.requireNonNull(e); return this; }
        public Builder gravity(Gravity g) { gravity = Objects.requireNonNull(g); return this; }
        public Builder crop(Crop c) { crop = Objects.requireNonNull(c); return this; }
        public Builder trim(Trim t) { trim = Objects.requireNonNull(t); return this; }
        public Builder padding(Padding p) { padding = Objects.requireNonNull(p); return this; }
        public Builder autoRotate(boolean a) { autoRotate = a; return this; }
        public Builder rotate(int degrees) { rotate = Math.floorMod(degrees, 360); return this; }
        public Builder flip(boolean horizontal, boolean vertical) { flipHorizontal = horizontal; flipVertical = vertical; return this; }
        public Builder background(Rgb c) { background = c; return this; }
        public Builder blur(double s) { blur = s; return this; }
        public Builder sharpen(double s) { sharpen = s; return this; }
        public Builder pixelate(int p) { pixelate = p; return this; }
        public Builder watermark(Watermark w) { watermark = Objects.requireNonNull(w); return this; }
        public Builder encoding(Encoding e) { encoding = Objects.requireNonNull(e); return this; }
        public Builder delivery(Delivery d) { delivery = Objects.requireNonNull(d); return this; }
        public Builder passthrough(Passthrough p) { passthrough = Objects.requireNonNull(p); return this; }
        public Builder security(SecurityOptions s) { security = Objects.requireNonNull(s); return this; }

        public Builder quality(int q) {
            Encoding e = encoding;
            encoding = e.withQuality(q);
            return this;
        }

        public Builder format(ImageFormat f) {
            Encoding e = encoding;
            encoding = e.withFormat(Optional.ofNullable(f));
            return this;
        }

        public Transform build() {
            return new Transform(this);
        }
    }
}
