package org.matrixas.bridge.irc.registration;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.protocol.registration.Registration;
import org.matrixas.protocol.registration.RegistrationFiles;

/**
 * The bridge's registration (stable API: a file for the homeserver admin): ID, URL, tokens, the bot's localpart,
 * the exclusive namespaces of {@link Mappings}, no rate limiting, protocol {@code irc}.
 */
public final class Registrations {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Registrations() {
    }

    /** The registration for {@code config}; a missing {@code hs_token} is generated at random. */
    public static Registration of(BridgeConfig config) {
        var as = config.appservice();
        return Registration.builder()
                .id(as.id())
                .url(as.effectiveUrl(as.port()))
                .asToken(as.asToken())
                .hsToken(as.hsTokenOpt().orElseGet(Registrations::randomToken))
                .senderLocalpart(as.senderLocalpart())
                .namespaces(new Mappings(config).namespaces())
                .rateLimited(false)
                .protocols(List.of("irc"))
                .build();
    }

    /** Writes the registration for {@code config} to {@code file} and returns it. */
    public static Registration write(BridgeConfig config, Path file) throws IOException {
        Registration r = of(config);
        RegistrationFiles.write(r, file);
        return r;
    }

    /** 32 random bytes, URL-safe base64. */
    public static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
