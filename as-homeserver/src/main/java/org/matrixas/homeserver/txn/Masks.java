package org.matrixas.homeserver.txn;

/** Sets of service positions as {@code long[]} bit sets; a mask is never changed once shared. */
final class Masks {
    private Masks() {
    }

    static long[] empty(int services) {
        return new long[(services + 63) >>> 6];
    }

    static boolean contains(long[] mask, int service) {
        return (mask[service >>> 6] & (1L << service)) != 0;
    }

    static void set(long[] mask, int service) {
        mask[service >>> 6] |= 1L << service;
    }

    static void clear(long[] mask, int service) {
        mask[service >>> 6] &= ~(1L << service);
    }

    static boolean isEmpty(long[] mask) {
        for (long w : mask) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code into |= other}. */
    static void or(long[] into, long[] other) {
        for (int i = 0; i < into.length; i++) {
            into[i] |= other[i];
        }
    }
}
