package io.thumbler.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import io.thumbler.render.ImageFormat;

/**
 * A rendered variant as the rendition cache keeps it.
 *
 * <p>Stored as a {@code byte[]} in a small format of its own rather than as a serialised Java
 * object: Ehcache's disk tier then needs no class from the WAR to read an entry back (the
 * deployment's class loader changes with every redeploy), and a foreign or damaged entry is
 * recognised and dropped instead of deserialised. Each entry carries an {@link EntryChecksum} of
 * the image bytes, checked on every read, so a damaged entry is a miss.
 *
 * @param lastModified when the original last changed, if its origin said
 */
public record CachedRendition(byte[] bytes, ImageFormat format, int width, int height, Optional<Instant> lastModified) {

    /** "THR2": with a checksum ("THR1" entries had none and are dropped as foreign). */
    private static final int MAGIC = 0x54485232;

    public byte[] encode() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(bytes.length + 64);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(MAGIC);
            out.writeUTF(format.name());
            out.writeInt(width);
            out.writeInt(height);
            out.writeLong(lastModified.map(Instant::toEpochMilli).orElse(Long.MIN_VALUE));
            out.writeInt(bytes.length);
            out.writeInt(EntryChecksum.of(bytes));
            out.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return buffer.toByteArray();
    }

    /** @throws IllegalArgumentException when the entry is not one this class wrote */
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
            byte[] bytes = EntryChecksum.verifiedPayload("rendition", entry, length, checksum);
            return new CachedRendition(bytes, format, width, height,
                    modified == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(modified)));
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated rendition entry: " + e.getMessage(), e);
        }
    }
}
