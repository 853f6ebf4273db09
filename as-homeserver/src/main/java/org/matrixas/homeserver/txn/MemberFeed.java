package org.matrixas.homeserver.txn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.matrixas.homeserver.room.RawEvent;
import org.matrixas.protocol.json.Json;

/**
 * Feeds the {@link InterestIndex} every membership change of the event stream, once for all services and in
 * stream order: {@link #catchUp} is called before deciding on events up to an ordering, so the membership the
 * decision uses is never older than the event.
 */
final class MemberFeed {
    private static final int BATCH = 500;

    private final EventWindow stream;
    private final InterestIndex index;
    private final ReentrantLock lock = new ReentrantLock();
    /** Every membership change up to here has been applied. */
    private volatile long applied;

    MemberFeed(EventWindow stream, InterestIndex index, long head) {
        this.stream = stream;
        this.index = index;
        this.applied = head;
    }

    /** Applies every membership change up to {@code ordering} (committed events only, as the stream head says). */
    void catchUp(long ordering) {
        if (applied >= ordering) {
            return;
        }
        lock.lock();
        try {
            while (applied < ordering) {
                List<RawEvent> scan = stream.after(applied, ordering, BATCH);
                if (scan.isEmpty()) {
                    applied = ordering;
                    break;
                }
                for (RawEvent e : scan) {
                    if ("m.room.member".equals(e.type()) && e.stateKey() != null) {
                        index.memberChanged(e.roomId(), e.stateKey(), membership(e.json()));
                    }
                }
                applied = scan.get(scan.size() - 1).ordering();
            }
        } finally {
            lock.unlock();
        }
    }

    private static String membership(byte[] json) {
        JsonNode event = Json.read(json, JsonNode.class);
        return event.path("content").path("membership").asText("");
    }
}
