package io.thumbler.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import io.thumbler.image.ImageFormat;

/**
 * A rendered variant as the rendition cache keeps it.
 *
 * <p>Stored as a {@code byte[]} in a small format of its own rather than as a serialised Java
 * object: Ehcache's disk tier then needs no class from the WAR to read an entry back (the
 * deployment's class loader changes with every redeploy), and a foreign or damaged entry is
 * recognised and dropped instead of deserialised. Each entry carries an {@link EntryChecksum} of
 * the image bytes, checked on every read, so a damaged entry is a miss.
 *
 * <p>A decoded rendition is a view over its cache entry: the image bytes are not copied out of it,
 * and a cache hit writes them straight from the entry ({@link #writeTo}). A copy per hit was the
 * largest allocation of the hit path (a young collection every few thousand hits). Nothing writes
 * into an entry or a rendition's bytes, so sharing the array is safe.
 */
public final class CachedRendition {

    /** "THR2": with a checksum ("THR1" entries had none and are dropped as foreign). */
    private static final int MAGIC = 0x54485232;

    private final byte[] buffer;
    private final int offset;
    private final int length;
    private final ImageFormat format;
    private final int width;
    private final int height;
    private final Optional<Instant> lastModified;

    /**
     * @param bytes        the encoded image
     * @param lastModified when the original last changed, if its origin said
     */
    public CachedRendition(byte[] bytes, ImageFormat format, int width, int height, Optional<Instant> lastModified) {
        this(bytes, 0, bytes.length, format, width, height, lastModified);
    }

    private CachedRendition(byte[] buffer, int offset, int length, ImageFormat format, int width, int height,
                            Optional<Instant> lastModified) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.format = format;
        this.width = width;
        this.height = height;
        this.lastModified = lastModified;
    }

    /** The encoded image; a copy when this rendition is a view over a cache entry. */
    public byte[] bytes() {
        return offset == 0 && length == buffer.length ? buffer : Arrays.copyOfRange(buffer, offset, offset + length);
    }

    /** The image's size in bytes. */
    public int length() {
        return length;
    }

    /** Writes the image without copying it first. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(buffer, offset, length);
    }

    public ImageFormat format() {
        return format;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** When the original last changed, if its origin said. */
    public Optional<Instant> lastModified() {
        return lastModified;
    }

    public byte[] encode() {
        ByteArrayOutputStream entry = new ByteArrayOutputStream(length + 64);
        try (DataOutputStream out = new DataOutputStream(entry)) {
            out.writeInt(MAGIC);
            out.writeUTF(format.name());
            out.writeInt(width);
            out.writeInt(height);
            out.writeLong(lastModified.map(Instant::toEpochMilli).orElse(Long.MIN_VALUE));
            out.writeInt(length);
            out.writeInt(EntryChecksum.of(buffer, offset, length));
            out.write(buffer, offset, length);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return entry.toByteArray();
    }

    /**
     * The rendition in {@code entry}, as a view over it (the image bytes are the entry's tail).
     *
     * @throws IllegalArgumentException when the entry is not one this class wrote, or is damaged
     */
    public static CachedRendition decode(byte[] entry) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a rendition entry");
            }
            ImageFormat format = ImageFormat.valueOf(in.readUTF());
            int width = in.readInt();
            int height = in.readInt();
            long modified = in.readLong();
            int length = in.readInt();
            int checksum = in.readInt();
            if (length < 0 || length != in.available()) {
                throw new IllegalArgumentException("rendition entry of " + entry.length + " bytes announces " + length + " image bytes");
            }
            int offset = entry.length - length;
            EntryChecksum.verify("rendition", entry, offset, length, checksum);
            return new CachedRendition(entry, offset, length, format, width, height,
                    modified == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(modified)));
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated rendition entry: " + e.getMessage(), e);
        }
    }
}
