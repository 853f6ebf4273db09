package org.matrixas.bridge.irc.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One IRC network. {@code domain} names the network in aliases and user IDs; the templates map channels and
 * nicks to Matrix IDs (see {@code org.matrixas.bridge.irc.mapping}).
 *
 * @param domain the network's name in IDs, e.g. {@code irc.freenode.net} (required)
 * @param host server to connect to (required)
 * @param port server port (default 6667, or 6697 with TLS)
 * @param tls connect with TLS (default false); the server's certificate must be trusted and be for {@code host}
 * @param tlsCaFile PEM file of the certificates (CAs, or a self-signed server certificate) trusted for this
 *     network's TLS instead of the JVM's trust store, or null for the JVM's trust store; relative to the config
 *     file's folder when read from one
 * @param botNick nick of the bridge's bot connection (default {@code MatrixBridge})
 * @param channels channels the bot joins at start and keeps scroll-back for
 * @param aliasTemplate alias localpart with {@code $CHANNEL} (default {@code #<domain>/$CHANNEL})
 * @param userTemplate user ID localpart with {@code $NICK} (default {@code @<domain>/$NICK})
 * @param nickTemplate puppet nick with {@code $LOCALPART}, {@code $USERID}, {@code $DISPLAY} (default
 *     {@code $LOCALPART[m]})
 * @param scrollback scroll-back bounds per channel
 * @param flood flood control of each connection to this network (default burst 3, then one line per 1.2 s)
 * @param maxLines IRC lines a Matrix message may become; a longer one goes as a file link (default 3)
 * @param sasl authenticate with SASL PLAIN when a password is known (the bot's {@code bot_password}, a user's
 *     {@code !storepass}); without it a known password is sent to NickServ after connecting (default false)
 * @param botPassword the bot connection's account password, or null
 * @param mappings fixed channel-to-rooms mappings (default none)
 * @param membership which membership changes are mirrored, and the netsplit hold
 * @param modePowerLevels Matrix power level for each IRC channel member mode (default {@code o: 50, v: 1})
 * @param encodingFallback charset for IRC lines that are not valid UTF-8 (default {@code windows-1252})
 * @param puppets give each Matrix user who speaks in a channel room an IRC connection of their own (default
 *     true); when false the bot relays their channel messages as {@code <name> text} (private messages still use
 *     a connection of the user's own, as IRC has no other way to address one person)
 */
public record NetworkConfig(String domain, String host, int port, boolean tls, Path tlsCaFile, String botNick,
        List<String> channels, String aliasTemplate, String userTemplate, String nickTemplate,
        ScrollbackConfig scrollback, FloodConfig flood, int maxLines, boolean sasl, String botPassword,
        List<ChannelMapping> mappings, MembershipConfig membership, Map<String, Integer> modePowerLevels,
        String encodingFallback, boolean puppets) {
    public static final int DEFAULT_MAX_LINES = 3;
    public static final String DEFAULT_BOT_NICK = "MatrixBridge";
    public static final String DEFAULT_NICK_TEMPLATE = "$LOCALPART[m]";
    public static final Map<String, Integer> DEFAULT_MODE_POWER_LEVELS = Map.of("o", 50, "v", 1);
    public static final String DEFAULT_ENCODING_FALLBACK = "windows-1252";

    public NetworkConfig {
        channels = channels == null ? List.of() : List.copyOf(channels);
        botNick = botNick == null ? DEFAULT_BOT_NICK : botNick;
        aliasTemplate = aliasTemplate == null && domain != null ? "#" + domain + "/$CHANNEL" : aliasTemplate;
        userTemplate = userTemplate == null && domain != null ? "@" + domain + "/$NICK" : userTemplate;
        nickTemplate = nickTemplate == null ? DEFAULT_NICK_TEMPLATE : nickTemplate;
        scrollback = scrollback == null ? ScrollbackConfig.defaults() : scrollback;
        flood = flood == null ? FloodConfig.defaults() : flood;
        mappings = mappings == null ? List.of() : List.copyOf(mappings);
        membership = membership == null ? MembershipConfig.defaults() : membership;
        modePowerLevels = modePowerLevels == null ? DEFAULT_MODE_POWER_LEVELS : Map.copyOf(modePowerLevels);
        encodingFallback = encodingFallback == null ? DEFAULT_ENCODING_FALLBACK : encodingFallback;
    }

    @JsonCreator
    static NetworkConfig fromYaml(@JsonProperty("domain") String domain, @JsonProperty("host") String host,
            @JsonProperty("port") Integer port, @JsonProperty("tls") Boolean tls,
            @JsonProperty("tls_ca_file") String tlsCaFile, @JsonProperty("bot_nick") String botNick,
            @JsonProperty("channels") List<String> channels,
            @JsonProperty("alias_template") String aliasTemplate, @JsonProperty("user_template") String userTemplate,
            @JsonProperty("nick_template") String nickTemplate,
            @JsonProperty("scrollback") ScrollbackConfig scrollback, @JsonProperty("flood") FloodConfig flood,
            @JsonProperty("max_lines") Integer maxLines, @JsonProperty("sasl") Boolean sasl,
            @JsonProperty("bot_password") String botPassword,
            @JsonProperty("mappings") List<ChannelMapping> mappings,
            @JsonProperty("membership") MembershipConfig membership,
            @JsonProperty("mode_power_levels") Map<String, Integer> modePowerLevels,
            @JsonProperty("encoding_fallback") String encodingFallback, @JsonProperty("puppets") Boolean puppets) {
        boolean secure = tls != null && tls;
        return new NetworkConfig(domain, host, port == null ? (secure ? 6697 : 6667) : port, secure,
                tlsCaFile == null ? null : Path.of(tlsCaFile), botNick, channels, aliasTemplate, userTemplate,
                nickTemplate, scrollback, flood,
                maxLines == null ? DEFAULT_MAX_LINES : maxLines, sasl != null && sasl, botPassword, mappings,
                membership, modePowerLevels, encodingFallback, puppets == null || puppets);
    }

    /** A plain-text network with every default. */
    public static NetworkConfig of(String domain, String host, int port) {
        return new NetworkConfig(domain, host, port, false, null, null, List.of(), null, null, null, null, null,
                DEFAULT_MAX_LINES, false, null, null, null, null, null, true);
    }

    /** The charset for IRC lines that are not valid UTF-8. */
    public Charset fallbackCharset() {
        return Charset.forName(encodingFallback);
    }

    /** A copy with the fields {@code change} sets on a {@link Builder} started from this one. */
    public NetworkConfig with(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    public NetworkConfig withChannels(List<String> newChannels) {
        return with(b -> b.channels = newChannels);
    }

    public NetworkConfig withBotNick(String nick) {
        return with(b -> b.botNick = nick);
    }

    public NetworkConfig withNickTemplate(String template) {
        return with(b -> b.nickTemplate = template);
    }

    public NetworkConfig withScrollback(ScrollbackConfig newScrollback) {
        return with(b -> b.scrollback = newScrollback);
    }

    public NetworkConfig withMaxLines(int lines) {
        return with(b -> b.maxLines = lines);
    }

    public NetworkConfig withFlood(FloodConfig newFlood) {
        return with(b -> b.flood = newFlood);
    }

    public NetworkConfig withSasl(boolean on, String newBotPassword) {
        return with(b -> {
            b.sasl = on;
            b.botPassword = newBotPassword;
        });
    }

    public NetworkConfig withMappings(List<ChannelMapping> newMappings) {
        return with(b -> b.mappings = newMappings);
    }

    public NetworkConfig withMembership(MembershipConfig newMembership) {
        return with(b -> b.membership = newMembership);
    }

    /** A copy that connects with TLS, trusting the certificates in {@code caFile} (null: the JVM's trust store). */
    public NetworkConfig withTls(Path caFile) {
        return with(b -> {
            b.tls = true;
            b.tlsCaFile = caFile;
        });
    }

    /** The mutable fields {@link #with} hands out; every field starts as the original's. */
    public static final class Builder {
        public String domain;
        public String host;
        public int port;
        public boolean tls;
        public Path tlsCaFile;
        public String botNick;
        public List<String> channels;
        public String aliasTemplate;
        public String userTemplate;
        public String nickTemplate;
        public ScrollbackConfig scrollback;
        public FloodConfig flood;
        public int maxLines;
        public boolean sasl;
        public String botPassword;
        public List<ChannelMapping> mappings;
        public MembershipConfig membership;
        public Map<String, Integer> modePowerLevels;
        public String encodingFallback;
        public boolean puppets;

        Builder(NetworkConfig n) {
            domain = n.domain;
            host = n.host;
            port = n.port;
            tls = n.tls;
            tlsCaFile = n.tlsCaFile;
            botNick = n.botNick;
            channels = n.channels;
            aliasTemplate = n.aliasTemplate;
            userTemplate = n.userTemplate;
            nickTemplate = n.nickTemplate;
            scrollback = n.scrollback;
            flood = n.flood;
            maxLines = n.maxLines;
            sasl = n.sasl;
            botPassword = n.botPassword;
            mappings = n.mappings;
            membership = n.membership;
            modePowerLevels = n.modePowerLevels;
            encodingFallback = n.encodingFallback;
            puppets = n.puppets;
        }

        NetworkConfig build() {
            return new NetworkConfig(domain, host, port, tls, tlsCaFile, botNick, channels, aliasTemplate,
                    userTemplate, nickTemplate, scrollback, flood, maxLines, sasl, botPassword, mappings, membership,
                    modePowerLevels, encodingFallback, puppets);
        }
    }
}
