package io.thumbler.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import io.thumbler.source.Original;

/**
 * The byte form of an {@link Original} in the original cache; see {@link CachedRendition} for why
 * entries are not serialised Java objects.
 */
final class CachedOriginal {

    private static final int MAGIC = 0x54484f31; // "THO1"

    private CachedOriginal() {
    }

    static byte[] encode(Original original) {
        byte[] bytes = original.bytes();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(bytes.length + 128);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(MAGIC);
            out.writeUTF(original.version());
            out.writeLong(original.lastModified().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE));
            out.writeInt(bytes.length);
            out.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return buffer.toByteArray();
    }

    /** @throws IllegalArgumentException when the entry is not one this class wrote */
    static Original decode(byte[] entry) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not an original entry");
            }
            String version = in.readUTF();
            long modified = in.readLong();
            int length = in.readInt();
            if (length < 0 || length != in.available()) {
                throw new IllegalArgumentException("original entry of " + entry.length + " bytes announces " + length + " bytes");
            }
            return new Original(in.readNBytes(length), version,
                    modified == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(modified)));
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated original entry: " + e.getMessage(), e);
        }
    }
}
