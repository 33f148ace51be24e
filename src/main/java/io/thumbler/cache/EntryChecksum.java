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
        CRC32C crc = new CRC32C();
        crc.update(payload, 0, payload.length);
        return (int) crc.getValue();
    }

    /** @throws IllegalArgumentException when {@code payload} does not have the checksum {@code expected} */
    static void verify(String what, byte[] payload, int expected) {
        int actual = of(payload);
        if (actual != expected) {
            throw new IllegalArgumentException(what + " entry damaged: checksum " + Integer.toHexString(actual)
                    + " instead of " + Integer.toHexString(expected) + " over " + payload.length + " bytes");
        }
    }
}
