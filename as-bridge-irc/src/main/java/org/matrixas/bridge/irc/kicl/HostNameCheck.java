package org.matrixas.bridge.irc.kicl;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Turns on host name verification for KICL's TLS connections. KICL 9 builds its Netty {@code SslHandler} with the
 * server's host and port (for SNI) but Netty 4.1 sets no endpoint identification algorithm, so a certificate
 * from a trusted CA would be accepted for any host. With {@code HTTPS} identification the JDK's trust manager also
 * checks that the certificate names the configured host (DNS name, or IP address for an IP literal).
 *
 * <p>It runs as a pipeline hook on the event loop, in the same task in which KICL added the handler, so before
 * any byte of the server's answer (and so its certificate) is read.
 */
final class HostNameCheck {
    static final String ALGORITHM = "HTTPS";

    private HostNameCheck() {
    }

    /** Requires the certificate of {@code channel}'s TLS peer, if it has one, to be for the host connected to. */
    static void apply(Channel channel) {
        SslHandler ssl = channel.pipeline().get(SslHandler.class);
        if (ssl != null) {
            SSLEngine engine = ssl.engine();
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm(ALGORITHM);
            engine.setSSLParameters(parameters);
        }
    }
}
