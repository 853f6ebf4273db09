package org.matrixas.bridge.irc.irc;

import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;

/**
 * Says why a connection ended, for the log line of {@link IrcSession}. A refused TLS handshake (an untrusted
 * certificate, or one for another host) says so and where the trust comes from, since the JDK's own message
 * ("PKIX path building failed ...") does not name the setting to change.
 */
final class DisconnectReason {

    private DisconnectReason() {
    }

    static String of(Optional<Throwable> cause) {
        return cause.map(DisconnectReason::of).orElse("closed");
    }

    static String of(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException) {
                return "TLS handshake failed: " + t.getMessage() + "; the server's certificate must chain to one in "
                        + "networks[].tls_ca_file (the JVM's trust store when unset) and name the configured host";
            }
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }
}
