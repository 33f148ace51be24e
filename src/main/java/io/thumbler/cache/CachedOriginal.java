package io.thumbler.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import io.thumbler.source.Original;

/**
 * The byte form of an {@link Original} in the original cache, with an {@link EntryChecksum} of its
 * bytes; see {@link CachedRendition} for why entries are not serialised Java objects.
 */
final class CachedOriginal {

    /** "THO2": with a checksum ("THO1" entries had none and are dropped as foreign). */
    private static final int MAGIC = 0x54484f32;

    private CachedOriginal() {
    }

    /**
     * One array of the entry's exact size, written once: originals are up to
     * {@code THUMBLER_MAX_SRC_FILE_SIZE}, and a growing buffer plus its final copy would cost three
     * times that in heap for every original being stored.
     */
    static byte[] encode(Original original) {
        byte[] bytes = original.bytes();
        ByteArrayOutputStream head = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(head)) {
            out.writeInt(MAGIC);
            out.writeUTF(original.version());
            out.writeLong(original.lastModified().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE));
            out.writeInt(bytes.length);
            out.writeInt(EntryChecksum.of(bytes));
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        byte[] entry = Arrays.copyOf(head.toByteArray(), head.size() + bytes.length);
        System.arraycopy(bytes, 0, entry, head.size(), bytes.length);
        return entry;
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
            int checksum = in.readInt();
            if (length < 0 || length != in.available()) {
                throw new IllegalArgumentException("original entry of " + entry.length + " bytes announces " + length + " bytes");
            }
            byte[] bytes = EntryChecksum.verifiedPayload("original", entry, length, checksum);
            return new Original(bytes, version,
                    modified == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(modified)));
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated original entry: " + e.getMessage(), e);
        }
    }
}
