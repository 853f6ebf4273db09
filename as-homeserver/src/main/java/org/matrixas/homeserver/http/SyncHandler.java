package org.matrixas.homeserver.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.matrixas.homeserver.sync.Filters;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

/**
 * {@code GET /sync} and the filter endpoints. A filter (inline JSON or a stored ID) contributes its
 * {@code room.timeline.limit}; {@code full_state} and {@code set_presence} are accepted and ignored.
 */
final class SyncHandler {
    /** Long-polls are capped so a worker thread is never held forever. */
    static final long MAX_TIMEOUT_MS = 120_000;
    private static final int DEFAULT_TIMELINE_LIMIT = 20;
    private final Services s;

    SyncHandler(Services services) {
        this.s = services;
    }

    void register(Router r) {
        r.client("GET", "/sync", Router.Auth.USER, this::getSync);
        r.client("POST", "/user/{userId}/filter", Router.Auth.USER, this::postFilter);
        r.client("GET", "/user/{userId}/filter/{filterId}", Router.Auth.USER, this::getFilter);
    }

    private Object getSync(Call c) throws InterruptedException {
        long timeout = c.query("timeout").map(SyncHandler::parseTimeout).orElse(0L);
        timeout = Math.max(0, Math.min(timeout, MAX_TIMEOUT_MS));
        UserId user = c.requester().user();
        int limit = c.query("filter").filter(f -> !f.isEmpty())
                .map(f -> s.filters().resolve(user, f))
                .flatMap(Filters::timelineLimit).orElse(DEFAULT_TIMELINE_LIMIT);
        if (timeout == 0) {
            return s.sync().sync(user, c.query("since").filter(t -> !t.isEmpty()), Duration.ZERO, limit);
        }
        s.metrics().longPollStarted();
        try {
            return s.sync().sync(user, c.query("since").filter(t -> !t.isEmpty()), Duration.ofMillis(timeout), limit);
        } finally {
            s.metrics().longPollEnded();
        }
    }

    private static long parseTimeout(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw MatrixError.M_INVALID_PARAM.withMessage("timeout must be a number of milliseconds").toException();
        }
    }

    private UserId ownUser(Call c) {
        UserId user = c.userId("userId");
        if (!user.equals(c.requester().user())) {
            throw MatrixError.M_FORBIDDEN.withMessage("cannot use the filters of " + user).toException();
        }
        return user;
    }

    private Object postFilter(Call c) {
        UserId user = ownUser(c);
        return Json.object().put("filter_id", s.filters().create(user, c.body()));
    }

    private Object getFilter(Call c) {
        UserId user = ownUser(c);
        ObjectNode f = s.filters().get(user, c.param("filterId")).orElseThrow(() -> MatrixError.M_NOT_FOUND
                .withMessage("no such filter").toException());
        return f;
    }
}
