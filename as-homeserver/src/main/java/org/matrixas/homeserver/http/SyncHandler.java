package org.matrixas.homeserver.http;

import java.time.Duration;

/** {@code GET /sync}; {@code filter}, {@code full_state} and {@code set_presence} are accepted and ignored. */
final class SyncHandler {
    /** Long-polls are capped so a worker thread is never held forever. */
    static final long MAX_TIMEOUT_MS = 120_000;
    private final Services s;

    SyncHandler(Services services) {
        this.s = services;
    }

    void register(Router r) {
        r.client("GET", "/sync", Router.Auth.USER, this::getSync);
    }

    private Object getSync(Call c) throws InterruptedException {
        long timeout = c.query("timeout").map(Long::parseLong).orElse(0L);
        timeout = Math.max(0, Math.min(timeout, MAX_TIMEOUT_MS));
        return s.sync().sync(c.requester().user(), c.query("since"), Duration.ofMillis(timeout));
    }
}
