package org.matrixas.bridge.irc.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One IRC network. {@code domain} names the network in aliases and user IDs; the templates map channels and
 * nicks to Matrix IDs (see {@code org.matrixas.bridge.irc.mapping}).
 *
 * @param domain the network's name in IDs, e.g. {@code irc.freenode.net} (required)
 * @param host server to connect to (required)
 * @param port server port (default 6667, or 6697 with TLS)
 * @param tls connect with TLS (default false)
 * @param botNick nick of the bridge's bot connection (default {@code MatrixBridge})
 * @param channels channels the bot joins at start and keeps scroll-back for
 * @param aliasTemplate alias localpart with {@code $CHANNEL} (default {@code #<domain>/$CHANNEL})
 * @param userTemplate user ID localpart with {@code $NICK} (default {@code @<domain>/$NICK})
 * @param nickTemplate puppet nick with {@code $LOCALPART}, {@code $USERID}, {@code $DISPLAY} (default
 *     {@code $LOCALPART[m]})
 * @param scrollback scroll-back bounds per channel
 * @param flood flood control of each connection to this network (default burst 3, then one line per 1.2 s)
 * @param maxLines IRC lines a Matrix message may become; a longer one goes as a file link (default 3)
 */
public record NetworkConfig(String domain, String host, int port, boolean tls, String botNick, List<String> channels,
        String aliasTemplate, String userTemplate, String nickTemplate, ScrollbackConfig scrollback,
        FloodConfig flood, int maxLines) {
    public static final int DEFAULT_MAX_LINES = 3;
    public static final String DEFAULT_BOT_NICK = "MatrixBridge";
    public static final String DEFAULT_NICK_TEMPLATE = "$LOCALPART[m]";

    public NetworkConfig {
        channels = channels == null ? List.of() : List.copyOf(channels);
        botNick = botNick == null ? DEFAULT_BOT_NICK : botNick;
        aliasTemplate = aliasTemplate == null && domain != null ? "#" + domain + "/$CHANNEL" : aliasTemplate;
        userTemplate = userTemplate == null && domain != null ? "@" + domain + "/$NICK" : userTemplate;
        nickTemplate = nickTemplate == null ? DEFAULT_NICK_TEMPLATE : nickTemplate;
        scrollback = scrollback == null ? ScrollbackConfig.defaults() : scrollback;
        flood = flood == null ? FloodConfig.defaults() : flood;
    }

    @JsonCreator
    static NetworkConfig fromYaml(@JsonProperty("domain") String domain, @JsonProperty("host") String host,
            @JsonProperty("port") Integer port, @JsonProperty("tls") Boolean tls,
            @JsonProperty("bot_nick") String botNick, @JsonProperty("channels") List<String> channels,
            @JsonProperty("alias_template") String aliasTemplate, @JsonProperty("user_template") String userTemplate,
            @JsonProperty("nick_template") String nickTemplate,
            @JsonProperty("scrollback") ScrollbackConfig scrollback, @JsonProperty("flood") FloodConfig flood,
            @JsonProperty("max_lines") Integer maxLines) {
        boolean secure = tls != null && tls;
        return new NetworkConfig(domain, host, port == null ? (secure ? 6697 : 6667) : port, secure, botNick,
                channels, aliasTemplate, userTemplate, nickTemplate, scrollback, flood,
                maxLines == null ? DEFAULT_MAX_LINES : maxLines);
    }

    /** A plain-text network with every default. */
    public static NetworkConfig of(String domain, String host, int port) {
        return new NetworkConfig(domain, host, port, false, null, List.of(), null, null, null, null, null,
                DEFAULT_MAX_LINES);
    }

    public NetworkConfig withChannels(List<String> newChannels) {
        return new NetworkConfig(domain, host, port, tls, botNick, newChannels, aliasTemplate, userTemplate,
                nickTemplate, scrollback, flood, maxLines);
    }

    public NetworkConfig withBotNick(String nick) {
        return new NetworkConfig(domain, host, port, tls, nick, channels, aliasTemplate, userTemplate, nickTemplate,
                scrollback, flood, maxLines);
    }

    public NetworkConfig withNickTemplate(String template) {
        return new NetworkConfig(domain, host, port, tls, botNick, channels, aliasTemplate, userTemplate, template,
                scrollback, flood, maxLines);
    }

    public NetworkConfig withScrollback(ScrollbackConfig newScrollback) {
        return new NetworkConfig(domain, host, port, tls, botNick, channels, aliasTemplate, userTemplate,
                nickTemplate, newScrollback, flood, maxLines);
    }

    public NetworkConfig withMaxLines(int lines) {
        return new NetworkConfig(domain, host, port, tls, botNick, channels, aliasTemplate, userTemplate,
                nickTemplate, scrollback, flood, lines);
    }

    public NetworkConfig withFlood(FloodConfig newFlood) {
        return new NetworkConfig(domain, host, port, tls, botNick, channels, aliasTemplate, userTemplate,
                nickTemplate, scrollback, newFlood, maxLines);
    }
}
