package org.matrixas.bridge.irc.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the homeserver is ({@code homeserver.url}) and the server name of its IDs ({@code homeserver.domain}).
 * Both are required; {@link ConfigValidator} checks them.
 */
public record HomeserverConfig(String url, String domain) {

    @JsonCreator
    static HomeserverConfig fromYaml(@JsonProperty("url") String url, @JsonProperty("domain") String domain) {
        return new HomeserverConfig(url, domain);
    }

    public static HomeserverConfig of(String url, String domain) {
        return new HomeserverConfig(url, domain);
    }
}
