package org.matrixas.homeserver.txn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.matrixas.homeserver.room.RawEvent;
import org.matrixas.homeserver.room.Rooms;

/**
 * The recent part of the event stream in memory, read from the database once for every sender: without it each
 * of N services read (and parsed the room ID of) every event itself, N times in all. A stored event never
 * changes, so serving its bytes from here is the same as reading them again; the window only holds committed
 * events, since it is extended only up to a head the stream has announced. A sender behind the window's start
 * reads the database directly, as it did before.
 */
final class EventWindow {
    private static final int MIN_READ = 500;
    private final Rooms rooms;
    private final int maxEvents;
    private final long maxBytes;
    private final ReentrantLock lock = new ReentrantLock();
    /** Every event with an ordering in (from, to] is in {@code events}, in stream order. */
    private final ArrayList<RawEvent> events = new ArrayList<>();
    private long from;
    private long to;
    private long bytes;

    EventWindow(Rooms rooms, long head, int maxEvents, long maxBytes) {
        this.rooms = rooms;
        this.from = head;
        this.to = head;
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
    }

    /** The events in (after, upTo] in stream order, at most {@code limit}; {@code upTo} must be committed. */
    List<RawEvent> after(long after, long upTo, int limit) {
        lock.lock();
        try {
            if (after < from) {
                return rooms.rawEventsAfter(after, upTo, limit);
            }
            if (to < upTo && events.size() - indexAfter(after) < limit) {
                extend(upTo, limit);
                if (after < from) {
                    return rooms.rawEventsAfter(after, upTo, limit); // evicted while extending
                }
            }
            int start = indexAfter(after);
            List<RawEvent> out = new ArrayList<>(Math.min(limit, events.size() - start));
            for (int i = start; i < events.size() && out.size() < limit; i++) {
                RawEvent e = events.get(i);
                if (e.ordering() > upTo) {
                    break;
                }
                out.add(e);
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    private void extend(long upTo, int limit) {
        int batch = Math.max(limit, MIN_READ);
        List<RawEvent> read = rooms.rawEventsAfter(to, upTo, batch);
        for (RawEvent e : read) {
            events.add(e);
            bytes += e.json().length;
        }
        to = read.size() < batch ? upTo : read.get(read.size() - 1).ordering();
        int drop = 0;
        while (drop < events.size() && (events.size() - drop > maxEvents || bytes > maxBytes)) {
            bytes -= events.get(drop).json().length;
            from = events.get(drop).ordering();
            drop++;
        }
        events.subList(0, drop).clear();
    }

    /** The index of the first event with an ordering above {@code after}. */
    private int indexAfter(long after) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).ordering() <= after) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
