package org.matrixas.testkit.ngircd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.matrixas.testkit.tls.TestCertificate;

/**
 * A real <a href="https://ngircd.barton.de/">ngIRCd</a> process on loopback, for tests that must run against a
 * real IRC server. It writes its own configuration into a temporary folder, listens on a free port, and can be
 * stopped and started again on the same port to test reconnects. With a {@link TestCertificate} it also listens
 * with TLS on a second port (ngircd's {@code [SSL]} section; Debian builds it with GnuTLS), and
 * {@link #tlsNicks()} tells from its log which clients registered over TLS. {@link #locate()} tells whether ngircd
 * is installed; {@link NgircdAvailability} turns its absence into a skip (or a failure under {@code CI=true}).
 */
public final class NgircdServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern TLS_CONNECTION = Pattern.compile("Connection (\\d+): initialized TLS");
    private static final Pattern REGISTERED =
            Pattern.compile("User \"([^!\"]+)![^\"]*\" registered \\(connection (\\d+)\\)");
    private final Path binary;
    private final Path dir;
    private final int port;
    private final int nickLen;
    private final TestCertificate tls;
    private final int tlsPort;
    private Process process;

    private NgircdServer(Path binary, Path dir, int port, int nickLen, TestCertificate tls, int tlsPort) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
        this.nickLen = nickLen;
        this.tls = tls;
        this.tlsPort = tlsPort;
    }

    /** The ngircd binary on the {@code PATH} or in {@code /usr/sbin}, if installed. */
    public static Optional<Path> locate() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(java.io.File.pathSeparator)), Stream.of("/usr/sbin", "/usr/local/sbin"))
                .filter(p -> !p.isEmpty())
                .map(p -> Path.of(p, "ngircd"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Starts ngircd on a free loopback port with the given NICKLEN. */
    public static NgircdServer start(int nickLen) {
        return start(nickLen, null);
    }

    /**
     * Starts ngircd on a free loopback port with the given NICKLEN and, when {@code tls} is not null, a second
     * free port for TLS serving that certificate ({@link #tlsPort()}).
     */
    public static NgircdServer start(int nickLen, TestCertificate tls) {
        Path binary = locate().orElseThrow(() -> new IllegalStateException(
                "ngircd is not installed (Debian: apt-get install ngircd)"));
        try {
            Path dir = Files.createTempDirectory("ngircd");
            int tlsPort = tls == null ? -1 : freePort();
            NgircdServer server = new NgircdServer(binary, dir, freePort(), nickLen, tls, tlsPort);
            server.startProcess();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** The TLS port, when started with a certificate. */
    public OptionalInt tlsPort() {
        return tls == null ? OptionalInt.empty() : OptionalInt.of(tlsPort);
    }

    /**
     * The nicks that registered over a TLS connection since the last (re)start, as ngircd logged them (it logs
     * each TLS session it initialises and each user it registers, with the connection number).
     */
    public Set<String> tlsNicks() {
        Set<String> tlsConnections = new HashSet<>();
        Set<String> nicks = new HashSet<>();
        for (String line : log().split("\n")) {
            Matcher tlsLine = TLS_CONNECTION.matcher(line);
            if (tlsLine.find()) {
                tlsConnections.add(tlsLine.group(1));
            }
            Matcher registered = REGISTERED.matcher(line);
            if (registered.find() && tlsConnections.contains(registered.group(2))) {
                nicks.add(registered.group(1));
            }
        }
        return nicks;
    }

    /**
     * How many TLS connections ngircd has dropped in the handshake since the last (re)start ("SSL accept error":
     * the client refused the certificate, or was not speaking TLS, like the start-up probe of the port).
     */
    public int tlsAcceptErrors() {
        return (int) log().lines().filter(l -> l.contains("SSL accept error, closing socket) with")).count();
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("ngircd.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Kills the server (every client sees its connection drop). */
    public synchronized void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts the server again on the same port. */
    public synchronized void restart() {
        stop();
        startProcess();
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp folder is harmless.
        }
    }

    private synchronized void startProcess() {
        try {
            Path conf = dir.resolve("ngircd.conf");
            Files.writeString(conf, config());
            process = new ProcessBuilder(binary.toString(), "--nodaemon", "--config", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("ngircd.log").toFile())
                    .start();
            awaitListening(port);
            if (tls != null) {
                awaitListening(tlsPort);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String config() {
        return """
                [Global]
                Name = irc.test.local
                Info = ngircd for tests
                AdminInfo1 = tests
                AdminInfo2 = tests
                AdminEMail = tests@localhost
                Listen = 127.0.0.1
                Ports = %d
                MotdPhrase = test server
                [Limits]
                MaxNickLength = %d
                MaxConnectionsIP = 0
                MaxJoins = 0
                PingTimeout = 600
                PongTimeout = 600
                [Options]
                PAM = no
                Ident = no
                DNS = no
                """.formatted(port, nickLen) + (tls == null ? "" : """
                [SSL]
                CertFile = %s
                KeyFile = %s
                Ports = %d
                """.formatted(tls.certificatePem().toAbsolutePath(), tls.privateKeyPem().toAbsolutePath(), tlsPort));
    }

    private void awaitListening(int port) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("ngircd exited at start: " + Files.readString(dir.resolve("ngircd.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host(), port), 200);
                return;
            } catch (IOException notYet) {
                // ngircd has no readiness signal: poll the port at a short interval until the deadline.
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
        throw new IOException("ngircd did not listen on port " + port + " within " + START_TIMEOUT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    @Override
    public String toString() {
        return "ngircd on " + host() + ":" + port;
    }

}
