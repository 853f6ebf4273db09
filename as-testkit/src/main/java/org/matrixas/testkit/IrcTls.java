package org.matrixas.testkit;

import java.nio.file.Path;

/**
 * The TLS listener of a {@link TestIrc} started with {@link MatrixTest#ircTls()}: where it listens and the PEM file
 * of its self-signed certificate (for {@code localhost} and {@code 127.0.0.1}), which is what a client must trust,
 * e.g. the bridge's {@code networks[].tls_ca_file}.
 *
 * @param host the listener's address
 * @param port the TLS port (the plain port is {@link TestIrc#port()})
 * @param caFile the server certificate as PEM
 */
public record IrcTls(String host, int port, Path caFile) {
}
