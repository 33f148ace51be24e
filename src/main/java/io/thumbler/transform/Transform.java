package io.thumbler.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable description of one render: what the processing options of a URL mean, with
 * aliases resolved and defaults applied.
 *
 * <p>Two URLs that mean the same render have equal transforms and the same {@link #canonical()}
 * text, whatever aliases, argument spellings or option order they used. The output format is not
 * part of the transform: it comes from the URL's extension or the {@code format} option and is
 * resolved by the caller, because it may depend on the original (no extension given) or on the
 * request's {@code Accept}.
 */
public final class Transform {

    /** Largest width or height a URL may ask for, so no URL can make the service allocate a huge canvas. */
    public static final int MAX_DIMENSION = 8192;
    /** Quality 0 means "the configured default". */
    public static final int DEFAULT_QUALITY = 0;

    private static final Transform DEFAULTS = new Builder().build();

    private final ResizeType resizeType;
    private final int width;
    private final int height;
    private final boolean enlarge;
    private final boolean extend;
    private final Gravity gravity;
    private final int quality;
    private final String format;

    private Transform(Builder b) {
        this.resizeType = b.resizeType;
        this.width = b.width;
        this.height = b.height;
        this.enlarge = b.enlarge;
        this.extend = b.extend;
        this.gravity = b.gravity;
        this.quality = b.quality;
        this.format = b.format;
    }

    public static Transform defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.resizeType = resizeType;
        b.width = width;
        b.height = height;
        b.enlarge = enlarge;
        b.extend = extend;
        b.gravity = gravity;
        b.quality = quality;
        b.format = format;
        return b;
    }

    public ResizeType resizeType() {
        return resizeType;
    }

    /** Target width in pixels; 0 means "follow the height, keep the aspect ratio". */
    public int width() {
        return width;
    }

    /** Target height in pixels; 0 means "follow the width, keep the aspect ratio". */
    public int height() {
        return height;
    }

    public boolean enlarge() {
        return enlarge;
    }

    public boolean extend() {
        return extend;
    }

    public Gravity gravity() {
        return gravity;
    }

    /** JPEG/WebP/AVIF quality 1–100, or {@link #DEFAULT_QUALITY} for the configured default. */
    public int quality() {
        return quality;
    }

    /** The output format named by the {@code format} option, if any (an extension like {@code png}). */
    public Optional<String> format() {
        return Optional.ofNullable(format);
    }

    /**
     * The stable text form: short option names, defaults left out, a fixed order, e.g.
     * {@code rt:fill/w:300/h:200/g:nowe}. The empty string means "the original, re-encoded".
     */
    public String canonical() {
        List<String> parts = new ArrayList<>();
        if (resizeType != DEFAULTS.resizeType) {
            parts.add("rt:" + resizeType.urlName());
        }
        if (width != 0) {
            parts.add("w:" + width);
        }
        if (height != 0) {
            parts.add("h:" + height);
        }
        if (enlarge) {
            parts.add("el:1");
        }
        if (extend) {
            parts.add("ex:1");
        }
        if (!gravity.equals(DEFAULTS.gravity)) {
            parts.add("g:" + gravity.canonical());
        }
        if (quality != DEFAULT_QUALITY) {
            parts.add("q:" + quality);
        }
        if (format != null) {
            parts.add("f:" + format);
        }
        return String.join("/", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transform t && canonical().equals(t.canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    @Override
    public String toString() {
        return "Transform[" + canonical() + "]";
    }

    /** Collects option values while a URL is parsed; {@link #build()} gives the immutable transform. */
    public static final class Builder {
        private ResizeType resizeType = ResizeType.FIT;
        private int width;
        private int height;
        private boolean enlarge;
        private boolean extend;
        private Gravity gravity = Gravity.CENTER;
        private int quality = DEFAULT_QUALITY;
        private String format;

        private Builder() {
        }

        public Builder resizeType(ResizeType v) {
            this.resizeType = Objects.requireNonNull(v);
            return this;
        }

        public Builder width(int v) {
            this.width = v;
            return this;
        }

        public Builder height(int v) {
            this.height = v;
            return this;
        }

        public Builder enlarge(boolean v) {
            this.enlarge = v;
            return this;
        }

        public Builder extend(boolean v) {
            this.extend = v;
            return this;
        }

        public Builder gravity(Gravity v) {
            this.gravity = Objects.requireNonNull(v);
            return this;
        }

        public Builder quality(int v) {
            this.quality = v;
            return this;
        }

        public Builder format(String v) {
            this.format = v;
            return this;
        }

        public Transform build() {
            return new Transform(this);
        }
    }
}
