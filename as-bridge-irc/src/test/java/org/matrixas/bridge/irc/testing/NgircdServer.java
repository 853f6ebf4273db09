package org.matrixas.bridge.irc.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real ngircd for integration tests: a generated config in a temp folder, a free loopback port, no PAM, nick
 * length 30, no penalties. Skips the test when ngircd is not installed, unless {@code CI=true}, where it fails.
 */
public final class NgircdServer implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/sbin/ngircd");
    private final Process process;
    private final int port;

    private NgircdServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static NgircdServer start(Path dir) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            String why = "ngircd is not installed at " + BINARY + "; the IRC integration tests need it";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + " (CI=true, so this is a failure, not a skip)");
            }
            assumeTrue(false, why);
        }
        int port = freePort();
        Path conf = dir.resolve("ngircd.conf");
        Files.writeString(conf, """
                [Global]
                Name = irc.test
                Info = bridge integration test
                Listen = 127.0.0.1
                Ports = %d
                MotdPhrase = test server
                [Limits]
                MaxNickLength = 30
                MaxConnectionsIP = 0
                MaxPenaltyTime = 0
                [Options]
                PAM = no
                Ident = no
                DNS = no
                """.formatted(port));
        Process p = new ProcessBuilder(BINARY.toString(), "--nodaemon", "--config", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("ngircd.log").toFile()).start();
        NgircdServer server = new NgircdServer(p, port);
        try {
            Await.until(Duration.ofSeconds(10), server::accepts, () -> "ngircd did not listen on " + port);
        } catch (AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    public int port() {
        return port;
    }

    private boolean accepts() {
        if (!process.isAlive()) {
            throw new AssertionError("ngircd exited with " + process.exitValue());
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
