package org.matrixas.homeserver.txn;

import java.util.HashMap;
import java.util.Map;

/**
 * The services interested in one room because of the room itself: its ID in their room namespace, one of its
 * aliases in their alias namespace, or at least one of their users joined. Kept current incrementally: a join or
 * leave of a namespace user moves a per-service count, an alias change replaces the alias part. Only joined
 * users that some service owns are held (a room of 1,000 humans holds nothing).
 *
 * <p>Changes happen under the {@link InterestIndex} lock; {@link #wanted()} is read without it.
 */
final class RoomInterest {
    private final long[] ownsRoom;
    private final Map<String, long[]> joined = new HashMap<>();
    private final int[] members;
    /** The services with {@code members > 0}. */
    private final long[] memberMask;
    private long[] aliases;
    private volatile long[] wanted;

    RoomInterest(int services, long[] ownsRoom, long[] aliases) {
        this.ownsRoom = ownsRoom;
        this.aliases = aliases;
        this.members = new int[services];
        this.memberMask = Masks.empty(services);
        recompute();
    }

    /** The services that want every event of this room; never modified, replaced on each change. */
    long[] wanted() {
        return wanted;
    }

    /** The room-namespace part alone (with {@link #memberPart()}, what a pending alias change cannot affect). */
    long[] ownsRoom() {
        return ownsRoom;
    }

    long[] memberPart() {
        return memberMask.clone();
    }

    /** A user some service owns ({@code owners} not empty) is now joined; repeated joins count once. */
    void join(String user, long[] owners) {
        if (joined.putIfAbsent(user, owners) == null) {
            count(owners, 1);
            recompute();
        }
    }

    /** The user is no longer joined (left, kicked, banned, invited): a no-op for a user not held. */
    void leave(String user) {
        long[] owners = joined.remove(user);
        if (owners != null) {
            count(owners, -1);
            recompute();
        }
    }

    void aliases(long[] owners) {
        aliases = owners;
        recompute();
    }

    private void count(long[] owners, int delta) {
        for (int word = 0; word < owners.length; word++) {
            for (long bits = owners[word]; bits != 0; bits &= bits - 1) {
                int s = (word << 6) + Long.numberOfTrailingZeros(bits);
                members[s] += delta;
                if (members[s] == 0) {
                    Masks.clear(memberMask, s);
                } else {
                    Masks.set(memberMask, s);
                }
            }
        }
    }

    private void recompute() {
        long[] w = memberPart();
        Masks.or(w, ownsRoom);
        Masks.or(w, aliases);
        wanted = w;
    }
}
