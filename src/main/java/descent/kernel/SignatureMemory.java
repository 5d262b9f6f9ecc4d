package descent.kernel;

/**
 * The signatures of the last {@code capacity} messages a kernel accepted, so that a replayed
 * message can be refused, held in memory fixed when the kernel starts: a ring of signatures in
 * arrival order and an open-addressing hash set of the same. A session of any length neither
 * grows it nor allocates in it (a set of signature strings grew by about 0.2 KiB per cell).
 *
 * <p>A signature is kept as its first 64 bits. They are as unpredictable as the whole HMAC for
 * this purpose: only messages whose signature checked out are remembered, two different ones
 * share those bits with probability 2<sup>-64</sup>, and no one can choose them without the key.
 */
final class SignatureMemory {

    private final long[] ring;          // the remembered keys in arrival order; the oldest at next
    private final long[] table;         // open addressing, linear probing; 0 is an empty slot
    private final int mask;
    private int next;
    private int size;

    SignatureMemory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        ring = new long[capacity];
        table = new long[Integer.highestOneBit(capacity) * 4];      // at most half full
        mask = table.length - 1;
    }

    /** Remembers the hex signature; false if it is remembered already. */
    boolean add(byte[] hexSignature) {
        long key = key(hexSignature);
        if (contains(key)) {
            return false;
        }
        if (size == ring.length) {
            remove(ring[next]);
        } else {
            size++;
        }
        ring[next] = key;
        next = (next + 1) % ring.length;
        int i = home(key);
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = key;
        return true;
    }

    /** The first 16 hex digits as a number; never 0, which marks an empty slot. */
    private static long key(byte[] hex) {
        if (hex.length < 16) {
            throw new IllegalArgumentException("a signature has 64 hex digits, got " + hex.length + " bytes");
        }
        long key = 0;
        for (int i = 0; i < 16; i++) {
            key = key << 4 | Character.digit(hex[i], 16) & 0xF;
        }
        return key == 0 ? 1 : key;
    }

    private int home(long key) {
        return (int) key & mask;            // the bits of an HMAC are uniform already
    }

    private boolean contains(long key) {
        for (int i = home(key); table[i] != 0; i = (i + 1) & mask) {
            if (table[i] == key) {
                return true;
            }
        }
        return false;
    }

    /** Deletes {@code key}, shifting back the entries after it that probed past its slot. */
    private void remove(long key) {
        int hole = home(key);
        while (table[hole] != key) {
            hole = (hole + 1) & mask;
        }
        for (int j = (hole + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
            if (((j - home(table[j])) & mask) >= ((j - hole) & mask)) {
                table[hole] = table[j];
                hole = j;
            }
        }
        table[hole] = 0;
    }
}
