package org.matrixas.bridge.irc.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * The bridge as an application service: where it listens, how the homeserver reaches it and its credentials.
 *
 * @param host interface the AS HTTP server binds (default {@code 127.0.0.1})
 * @param port port it binds (default 9000; 0 picks a free port)
 * @param url where the homeserver reaches the bridge; {@code null} means {@code http://host:port}
 * @param id registration ID (default {@code irc-bridge})
 * @param senderLocalpart localpart of the bridge bot's Matrix user (default {@code irc-bridge})
 * @param asToken token the bridge presents to the homeserver (required)
 * @param hsToken token the homeserver presents to the bridge; {@code null} when registering through the API
 * @param registerViaApi register with the draft's {@code POST /_matrix/appservice/v1/register} at start
 */
public record AppServiceConfig(String host, int port, String url, String id, String senderLocalpart, String asToken,
        String hsToken, boolean registerViaApi) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 9000;
    public static final String DEFAULT_ID = "irc-bridge";
    public static final String DEFAULT_SENDER = "irc-bridge";

    public AppServiceConfig {
        host = host == null ? DEFAULT_HOST : host;
        id = id == null ? DEFAULT_ID : id;
        senderLocalpart = senderLocalpart == null ? DEFAULT_SENDER : senderLocalpart;
    }

    @JsonCreator
    static AppServiceConfig fromYaml(@JsonProperty("host") String host, @JsonProperty("port") Integer port,
            @JsonProperty("url") String url, @JsonProperty("id") String id,
            @JsonProperty("sender_localpart") String senderLocalpart, @JsonProperty("as_token") String asToken,
            @JsonProperty("hs_token") String hsToken, @JsonProperty("register_via_api") Boolean registerViaApi) {
        return new AppServiceConfig(host, port == null ? DEFAULT_PORT : port, url, id, senderLocalpart, asToken,
                hsToken, registerViaApi != null && registerViaApi);
    }

    /** A config with every default, a free port, and the given tokens ({@code hsToken} null: register via the API). */
    public static AppServiceConfig of(String asToken, String hsToken) {
        return new AppServiceConfig(DEFAULT_HOST, 0, null, DEFAULT_ID, DEFAULT_SENDER, asToken, hsToken,
                hsToken == null);
    }

    public Optional<String> hsTokenOpt() {
        return Optional.ofNullable(hsToken);
    }

    /** The URL the homeserver uses, given the port the server actually bound. */
    public String effectiveUrl(int boundPort) {
        if (url != null) {
            return url;
        }
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + h + ":" + boundPort;
    }

    public AppServiceConfig withPort(int newPort) {
        return new AppServiceConfig(host, newPort, url, id, senderLocalpart, asToken, hsToken, registerViaApi);
    }

    public AppServiceConfig withHsToken(String newHsToken) {
        return new AppServiceConfig(host, port, url, id, senderLocalpart, asToken, newHsToken, registerViaApi);
    }

    public AppServiceConfig withRegisterViaApi(boolean v) {
        return new AppServiceConfig(host, port, url, id, senderLocalpart, asToken, hsToken, v);
    }

    @Override
    public String toString() {
        // Tokens never reach a log through toString.
        return "AppServiceConfig[host=" + host + ", port=" + port + ", url=" + url + ", id=" + id
                + ", sender_localpart=" + senderLocalpart + ", register_via_api=" + registerViaApi + "]";
    }
}
