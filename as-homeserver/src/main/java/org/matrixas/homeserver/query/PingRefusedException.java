package org.matrixas.homeserver.query;

/** The service answered a ping with an error status (the client gets 502 {@code M_BAD_STATUS} with it). */
public final class PingRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String body;

    PingRefusedException(int status, String body) {
        super("application service answered the ping with HTTP " + status);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
