package org.matrixas.bridge.irc.mapping;

import java.util.Objects;
import java.util.Optional;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.bridge.irc.text.IrcNames;
import org.matrixas.protocol.id.InvalidIdException;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.id.UserIdEscaping;

/**
 * The ID mapping of one network, both ways: channel ⇄ alias through the alias template ({@code $CHANNEL} kept as
 * written), nick ⇄ virtual user through the user template ({@code $NICK} escaped with {@link UserIdEscaping}, so
 * {@code Bob} becomes {@code @irc.example.org/_bob:hs}). The reverse mappings accept only what the forward mapping
 * produces.
 */
public final class NetworkMapping {
    /** Characters of an escaped nick: the strict localpart grammar. */
    static final String ESCAPED_NICK_REGEX = "[a-z0-9._=\\-/+]+";
    /** Characters of a channel inside an alias localpart. */
    static final String CHANNEL_REGEX = "[#&+!][^:]*";

    private final String network;
    private final String serverName;
    private final Template alias;
    private final Template user;
    private final FixedMappings fixed;

    public NetworkMapping(NetworkConfig config, String serverName) {
        this.network = Objects.requireNonNull(config.domain(), "domain is null");
        this.serverName = Objects.requireNonNull(serverName, "serverName is null");
        this.alias = Template.parse(config.aliasTemplate().substring(1), "$CHANNEL");
        this.user = Template.parse(config.userTemplate().substring(1), "$NICK");
        this.fixed = new FixedMappings(config);
    }

    public String network() {
        return network;
    }

    /** The channels of this network bridged into existing rooms by config ({@code mappings}). */
    public FixedMappings fixed() {
        return fixed;
    }

    public RoomAlias aliasFor(String channel) {
        if (!IrcNames.isChannel(channel)) {
            throw new IllegalArgumentException("not an IRC channel name: " + channel);
        }
        return RoomAlias.of(alias.fill(channel), serverName);
    }

    /** The channel {@code roomAlias} stands for, if it is one of this network's aliases with a valid channel. */
    public Optional<ChannelRef> channelOf(RoomAlias roomAlias) {
        if (!roomAlias.server().equals(serverName)) {
            return Optional.empty();
        }
        return alias.extract(roomAlias.localpart()).filter(IrcNames::isChannel).map(c -> new ChannelRef(network, c));
    }

    public UserId userFor(String nick) {
        if (!IrcNames.isNick(nick)) {
            throw new IllegalArgumentException("not an IRC nick: " + nick);
        }
        return UserId.of(user.fill(UserIdEscaping.escape(nick)), serverName);
    }

    /** The nick {@code userId} stands for, if it is one of this network's virtual users in canonical form. */
    public Optional<IrcUserRef> nickOf(UserId userId) {
        if (!userId.server().equals(serverName)) {
            return Optional.empty();
        }
        return user.extract(userId.localpart()).flatMap(escaped -> {
            String nick = UserIdEscaping.unescape(escaped);
            boolean canonical = IrcNames.isNick(nick) && UserIdEscaping.escape(nick).equals(escaped);
            return canonical ? Optional.of(new IrcUserRef(network, nick)) : Optional.empty();
        });
    }

    /** The regex of this network's virtual users (whole user IDs). */
    public String userRegex() {
        return "@" + user.regex(ESCAPED_NICK_REGEX) + ":" + Regexes.quote(serverName);
    }

    /** The regex of this network's aliases (whole aliases). */
    public String aliasRegex() {
        return "#" + alias.regex(CHANNEL_REGEX) + ":" + Regexes.quote(serverName);
    }

    /** Whether {@code userId} looks like one of this network's virtual users (even one with an invalid nick). */
    public boolean isVirtual(UserId userId) {
        try {
            return userId.server().equals(serverName) && user.extract(userId.localpart()).isPresent();
        } catch (InvalidIdException e) {
            return false;
        }
    }
}
