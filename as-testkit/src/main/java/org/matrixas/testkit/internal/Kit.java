package org.matrixas.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.matrixas.bridge.irc.config.AppServiceConfig;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.HomeserverConfig;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.bridge.irc.registration.Registrations;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestBridge;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.ngircd.NgircdAvailability;

/**
 * What one test method gets: IRC server, homeserver and bridge, started in that order from the
 * {@link MatrixTest} settings and closed in reverse. Stored in JUnit's extension store so JUnit closes it.
 */
final class Kit implements ExtensionContext.Store.CloseableResource {
    static final int NICK_LEN = 30;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Path dir;
    private TestIrc irc;
    private TestHomeserver homeserver;
    private TestBridge bridge;

    Kit(MatrixTest settings) {
        try {
            dir = Files.createTempDirectory("matrixtest");
            if (settings.bridge() && settings.irc() == IrcMode.NONE) {
                throw new IllegalArgumentException("@MatrixTest(bridge = true) needs an IRC server: set irc");
            }
            startIrc(settings.irc(), settings.ircAccounts(), settings.ircTls() ? dir.resolve("tls") : null);
            startHomeserver(settings);
            if (settings.bridge()) {
                startBridge(settings);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private void startIrc(IrcMode mode, String[] accounts, Path tlsDir) {
        if (mode == IrcMode.NONE && tlsDir != null) {
            throw new IllegalArgumentException("@MatrixTest(ircTls = true) needs an IRC server: set irc");
        }
        if (mode == IrcMode.IN_PROCESS) {
            irc = add(new InProcessIrc(NICK_LEN, tlsDir, accounts));
        } else if (mode == IrcMode.NGIRCD) {
            if (accounts.length > 0) {
                throw new IllegalArgumentException("@MatrixTest(ircAccounts) needs irc = IrcMode.IN_PROCESS");
            }
            NgircdAvailability.require();
            irc = add(new NgircdIrc(NICK_LEN, tlsDir));
        }
    }

    private void startHomeserver(MatrixTest s) {
        List<String> apiTokens = s.bridge() && s.bridgeRegistersViaApi() ? List.of(s.bridgeAsToken()) : List.of();
        homeserver = add(TestHomeserver.start(org.matrixas.homeserver.config.HomeserverConfig.builder()
                .serverName(s.serverName())
                .dataDir(dir.resolve("homeserver"))
                .listen("127.0.0.1", 0)
                .enableRegistration(s.enableRegistration())
                .registrationApiTokens(apiTokens)
                .appservice(org.matrixas.homeserver.config.AppServiceConfig.DEFAULT
                        .withBackoff(Duration.ofMillis(s.backoffMinMillis()), Duration.ofMillis(s.backoffMaxMillis()))
                        .withQuery(Duration.ofMillis(s.queryTimeoutMillis()), 3))
                .build()));
    }

    private void startBridge(MatrixTest s) {
        NetworkConfig network = irc.tls()
                .map(tls -> NetworkConfig.of(s.ircNetwork(), tls.host(), tls.port()).withTls(tls.caFile()))
                .orElseGet(() -> NetworkConfig.of(s.ircNetwork(), irc.host(), irc.port()))
                .withChannels(Arrays.asList(s.channels()));
        BridgeConfig config = BridgeConfig.of(
                HomeserverConfig.of(homeserver.baseUrl(), homeserver.serverName()),
                AppServiceConfig.of(s.bridgeAsToken(), null).withPort(0),
                dir.resolve("bridge"),
                List.of(network));
        config = tweak(s, config);
        if (!s.bridgeRegistersViaApi()) {
            String hsToken = Registrations.randomToken();
            config = config.withAppService(config.appservice().withHsToken(hsToken).withRegisterViaApi(false));
            // The registration's url needs the bridge's port, which exists only once it listens: pick one now.
            config = config.withAppService(config.appservice().withPort(FreePorts.next()));
            homeserver.registerAppService(Registrations.of(config));
        }
        bridge = add(TestBridge.start(config));
    }

    private static BridgeConfig tweak(MatrixTest s, BridgeConfig config) {
        try {
            return s.bridgeConfig().getDeclaredConstructor().newInstance().apply(config);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("@MatrixTest(bridgeConfig = " + s.bridgeConfig().getName()
                    + ") needs a public no-argument constructor", e);
        }
    }

    private <T extends AutoCloseable> T add(T resource) {
        started.push(resource);
        return resource;
    }

    TestIrc irc() {
        return irc;
    }

    TestHomeserver homeserver() {
        return homeserver;
    }

    TestBridge bridge() {
        return bridge;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                // Keep closing the rest; a failed close must not leak the other servers.
            }
        }
        if (dir != null) {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp folder is harmless.
        }
    }
}
