package org.matrixas.homeserver.config;

import java.util.List;

/**
 * The draft registration API ({@code registration_api: {as_tokens: [...]}}): the {@code as_token}s allowed to
 * register themselves with {@code POST /_matrix/appservice/v1/register}. Empty (the default) refuses everyone.
 */
public record RegistrationApiConfig(List<String> asTokens) {
    public static final RegistrationApiConfig DEFAULT = new RegistrationApiConfig(List.of());

    public RegistrationApiConfig {
        asTokens = List.copyOf(asTokens);
        for (String t : asTokens) {
            if (t.isBlank()) {
                throw new ConfigException("'registration_api.as_tokens' must not contain an empty token");
            }
        }
    }

    @Override
    public String toString() {
        // Tokens never reach a log.
        return "RegistrationApiConfig[" + asTokens.size() + " as_tokens]";
    }
}
