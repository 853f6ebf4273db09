package org.matrixas.protocol.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import org.matrixas.protocol.namespace.NamespaceMatcher;
import org.matrixas.protocol.namespace.Namespaces;

/**
 * An application service registration, with the keys of a
 * <a href="https://spec.matrix.org/v1.13/application-service-api/#registration">registration file</a> as
 * Synapse reads it. Read and write it with {@link RegistrationFiles}.
 *
 * @param url where the homeserver reaches the service; {@code null} for a service that receives nothing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Registration(
        @JsonProperty("id") String id,
        @JsonProperty("url") String url,
        @JsonProperty("as_token") String asToken,
        @JsonProperty("hs_token") String hsToken,
        @JsonProperty("sender_localpart") String senderLocalpart,
        @JsonProperty("namespaces") Namespaces namespaces,
        @JsonProperty("rate_limited") Boolean rateLimited,
        @JsonProperty("protocols") List<String> protocols,
        @JsonProperty("receive_ephemeral") Boolean receiveEphemeral) {

    public Registration {
        requireText(id, "id");
        requireText(asToken, "as_token");
        requireText(hsToken, "hs_token");
        requireText(senderLocalpart, "sender_localpart");
        namespaces = namespaces == null ? Namespaces.empty() : namespaces;
        protocols = protocols == null ? List.of() : List.copyOf(protocols);
        if (url != null && !url.isBlank() && !url.startsWith("http://") && !url.startsWith("https://")) {
            throw new InvalidRegistrationException("url", "must start with http:// or https://, was '" + url + "'");
        }
        if (url != null && url.isBlank()) {
            url = null;
        }
        if (url != null && !hasHost(url)) {
            throw new InvalidRegistrationException("url", "is not a valid http(s) URL with a host: '" + url + "'");
        }
        try {
            NamespaceMatcher.compile(namespaces);
        } catch (IllegalArgumentException e) {
            throw new InvalidRegistrationException("namespaces", e.getMessage());
        }
    }

    private static boolean hasHost(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            return uri.getHost() != null && !uri.getHost().isEmpty() && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static void requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new InvalidRegistrationException(key, "is required and must not be empty");
        }
    }

    /** Whether the service should be rate limited; Synapse's default is true. */
    public boolean isRateLimited() {
        return rateLimited == null || rateLimited;
    }

    public boolean isReceiveEphemeral() {
        return receiveEphemeral != null && receiveEphemeral;
    }

    public Registration withUrl(String newUrl) {
        return new Registration(id, newUrl, asToken, hsToken, senderLocalpart, namespaces, rateLimited, protocols,
                receiveEphemeral);
    }

    public Registration withHsToken(String newHsToken) {
        return new Registration(id, url, asToken, newHsToken, senderLocalpart, namespaces, rateLimited, protocols,
                receiveEphemeral);
    }

    @Override
    public String toString() {
        // Tokens never reach a log through toString.
        return "Registration[id=" + id + ", url=" + url + ", sender_localpart=" + senderLocalpart + "]";
    }

    /** A builder for code that assembles a registration; files go through {@link RegistrationFiles}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the fields of a {@link Registration}; {@link #build()} validates them. */
    public static final class Builder {
        private String id;
        private String url;
        private String asToken;
        private String hsToken;
        private String senderLocalpart;
        private Namespaces namespaces = Namespaces.empty();
        private Boolean rateLimited;
        private List<String> protocols = List.of();
        private Boolean receiveEphemeral;

        private Builder() {
        }

        public Builder id(String v) { id = v; return this; }
        public Builder url(String v) { url = v; return this; }
        public Builder asToken(String v) { asToken = v; return this; }
        public Builder hsToken(String v) { hsToken = v; return this; }
        public Builder senderLocalpart(String v) { senderLocalpart = v; return this; }
        public Builder namespaces(Namespaces v) { namespaces = Objects.requireNonNull(v, "namespaces is null"); return this; }
        public Builder rateLimited(boolean v) { rateLimited = v; return this; }
        public Builder protocols(List<String> v) { protocols = List.copyOf(v); return this; }
        public Builder receiveEphemeral(boolean v) { receiveEphemeral = v; return this; }

        public Registration build() {
            return new Registration(id, url, asToken, hsToken, senderLocalpart, namespaces, rateLimited, protocols,
                    receiveEphemeral);
        }
    }
}
