package org.matrixas.protocol.http;

import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import org.matrixas.protocol.json.Json;

/**
 * Start-up work a process can do in parallel with reading its config: the JDK's default TLS context (which every
 * {@code java.net.http.HttpClient} builds on its creation, even for plain {@code http://}, and which reads the
 * trust store) and the shared JSON mapper. A command line calls {@link #inBackground()} first thing; whatever the
 * main thread needs before the warm-up reached it, it simply initialises itself, so the call can only save time.
 */
public final class Warmup {
    private Warmup() {
    }

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static void inBackground() {
        Thread t = new Thread(Warmup::run, "warmup");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        try {
            SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            // The client that needs TLS reports this when it is created; nothing to warm.
        }
        Json.mapper();
    }
}
