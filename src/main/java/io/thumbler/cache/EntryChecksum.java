package io.thumbler.cache;

import java.util.zip.CRC32C;

/**
 * The checksum each cache entry carries over its payload, verified on every read: a disk tier
 * whose file was damaged (a bad sector, a torn write, a hand that edited it) or a cluster member that
 * sent other bytes must turn into a miss, never into an answer with a one-year {@code Cache-Control}.
 * CRC32C: computed by the CPU's own instruction, about a microsecond for a 20 KB thumbnail, and it
 * catches every burst error up to 32 bits and all but one in four billion of the rest.
 */
final class EntryChecksum {

    private EntryChecksum() {
    }

    static int of(byte[] payload) {
        return of(payload, 0, payload.length);
    }

    static int of(byte[] buffer, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(buffer, offset, length);
        return (int) crc.getValue();
    }

    /**
     * The payload at the end of an entry, after its checksum was verified: one exact copy (a
     * stream's {@code readNBytes} would read it in 8 KB chunks and copy it twice; a cache hit is
     * dominated by this allocation).
     *
     * @param length the payload's length, which ends the entry
     * @throws IllegalArgumentException when the payload does not have the checksum {@code expected}
     */
    static byte[] verifiedPayload(String what, byte[] entry, int length, int expected) {
        int offset = entry.length - length;
        verify(what, entry, offset, length, expected);
        return java.util.Arrays.copyOfRange(entry, offset, entry.length);
    }

    /** @throws IllegalArgumentException when the bytes at {@code offset} do not have the checksum {@code expected} */
    static void verify(String what, byte[] buffer, int offset, int length, int expected) {
        int actual = of(buffer, offset, length);
        if (actual != expected) {
            throw new IllegalArgumentException(what + " entry damaged: checksum " + Integer.toHexString(actual)
                    + " instead of " + Integer.toHexString(expected) + " over " + length + " bytes");
        }
    }
}
