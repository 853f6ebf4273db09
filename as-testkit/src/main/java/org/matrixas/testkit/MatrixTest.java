package org.matrixas.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.matrixas.testkit.internal.MatrixTestExtension;

/**
 * Gives each test method a freshly started homeserver on a free loopback port, and optionally an IRC server and
 * the IRC bridge. Declare {@link TestHomeserver}, {@link TestIrc} or {@link TestBridge} parameters to get them;
 * everything is stopped when the test ends, in reverse order of starting.
 *
 * <pre>{@code
 * @MatrixTest
 * class MyServiceIT {
 *     @Test
 *     void echoes(TestHomeserver hs) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(MatrixTestExtension.class)
public @interface MatrixTest {

    /** The homeserver's {@code server_name}. */
    String serverName() default "localhost";

    /** Whether humans may register ({@code enable_registration}). */
    boolean enableRegistration() default true;

    /**
     * The first retry delay after a failed push to an application service, in milliseconds. Tests want faults to
     * heal fast, so this is far below the homeserver's production default of 2 s.
     */
    long backoffMinMillis() default 50;

    /** The longest retry delay after failed pushes, in milliseconds (production default 512 s). */
    long backoffMaxMillis() default 2000;

    /** How long the homeserver waits for one user or alias query attempt, in milliseconds. */
    long queryTimeoutMillis() default 10_000;

    /** The IRC server to start. */
    IrcMode irc() default IrcMode.NONE;

    /**
     * Services accounts of the in-process IRC server, each {@code name:password} (the password is everything after
     * the first colon): clients log in with SASL PLAIN or NickServ IDENTIFY; {@link TestIrc#accountOf} tells who
     * is logged in. Not available with ngircd.
     */
    String[] ircAccounts() default {};

    /**
     * Whether the IRC server also listens with TLS ({@link TestIrc#tls()}), with a self-signed certificate for
     * {@code localhost} and {@code 127.0.0.1} made for the test: the in-process server behind a
     * {@link org.matrixas.testkit.tls.TlsFront}, ngircd with its own TLS port. The bridge then connects through
     * TLS, trusting only that certificate ({@code tls_ca_file}); raw clients ({@link TestIrc#connect}) stay plain.
     */
    boolean ircTls() default false;

    /** Whether to start the IRC bridge (needs an IRC server). */
    boolean bridge() default false;

    /** The IRC network's domain as the bridge names it in aliases and user IDs. */
    String ircNetwork() default "irc.example.org";

    /** Channels the bridge's bot joins at start. */
    String[] channels() default {};

    /** The bridge's as_token; with {@link #bridgeRegistersViaApi()} the homeserver pre-authorises it. */
    String bridgeAsToken() default "as_token_bridge";

    /** Whether the bridge registers through the draft API (else through a registration object). */
    boolean bridgeRegistersViaApi() default true;

    /**
     * Tweaks of the bridge's config before it starts (flood control, idle timeout, ...): a class with a public
     * no-argument constructor. The default changes nothing.
     */
    Class<? extends java.util.function.UnaryOperator<org.matrixas.bridge.irc.config.BridgeConfig>> bridgeConfig()
            default NoBridgeTweaks.class;

    /** The default of {@link #bridgeConfig()}: the config as the kit builds it. */
    final class NoBridgeTweaks implements java.util.function.UnaryOperator<org.matrixas.bridge.irc.config.BridgeConfig> {
        @Override
        public org.matrixas.bridge.irc.config.BridgeConfig apply(org.matrixas.bridge.irc.config.BridgeConfig c) {
            return c;
        }
    }
}
