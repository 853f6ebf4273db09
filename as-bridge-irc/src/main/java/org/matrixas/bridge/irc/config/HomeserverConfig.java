package org.matrixas.bridge.irc.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the homeserver is ({@code homeserver.url}), the server name of its IDs ({@code homeserver.domain}), both
 * required, and the base of the media links IRC users are given ({@code homeserver.media_url}, optional: the
 * homeserver's public address when {@code url} is an internal one). {@link ConfigValidator} checks them.
 */
public record HomeserverConfig(String url, String domain, String mediaUrl) {

    @JsonCreator
    static HomeserverConfig fromYaml(@JsonProperty("url") String url, @JsonProperty("domain") String domain,
            @JsonProperty("media_url") String mediaUrl) {
        return new HomeserverConfig(url, domain, mediaUrl);
    }

    public static HomeserverConfig of(String url, String domain) {
        return new HomeserverConfig(url, domain, null);
    }

    /** The same with {@code media_url} set. */
    public HomeserverConfig withMediaUrl(String base) {
        return new HomeserverConfig(url, domain, base);
    }

    /** The base URL of media links for IRC users: {@code media_url}, else {@code url}. */
    public String mediaBase() {
        return mediaUrl != null ? mediaUrl : url;
    }
}
