package org.matrixas.bridge.irc.thirdparty;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.bridge.irc.mapping.IrcUserRef;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.bridge.irc.mapping.NetworkMapping;
import org.matrixas.bridge.irc.text.IrcNames;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.thirdparty.ThirdPartyFieldType;
import org.matrixas.protocol.thirdparty.ThirdPartyInstance;
import org.matrixas.protocol.thirdparty.ThirdPartyLocation;
import org.matrixas.protocol.thirdparty.ThirdPartyProtocol;
import org.matrixas.protocol.thirdparty.ThirdPartyUser;

/**
 * The third-party protocol {@code irc}, with the fields matrix-appservice-irc uses
 * (<a href="https://matrix-org.github.io/matrix-appservice-irc/latest/">its docs</a>): each network is an instance
 * ({@code network_id} = its domain); a location is ({@code domain}, {@code channel}) and answers the channel's
 * alias; a user is ({@code domain}, {@code nick}) and answers the nick's virtual user. The reverse lookups map
 * an alias or a virtual user back. Nothing is created: an alias answered here makes the room when joined.
 */
@Singleton
public final class IrcThirdParty {
    public static final String PROTOCOL = "irc";
    private final Mappings mappings;

    @Inject
    public IrcThirdParty(Mappings mappings) {
        this.mappings = mappings;
    }

    public Optional<ThirdPartyProtocol> protocol(String protocol) {
        if (!PROTOCOL.equals(protocol)) {
            return Optional.empty();
        }
        List<ThirdPartyInstance> instances = mappings.networks().stream().map(n -> new ThirdPartyInstance(
                n.network(), null, Map.of("domain", n.network()), n.network())).toList();
        return Optional.of(new ThirdPartyProtocol(List.of("domain", "nick"), List.of("domain", "channel"), "",
                Map.of("domain", new ThirdPartyFieldType("[a-z0-9.-]+", "irc.example.org"),
                        "nick", new ThirdPartyFieldType("[^#&+!\\s][^\\s]*", "SomeNick"),
                        "channel", new ThirdPartyFieldType("[#&+!][^\\s,]+", "#channel")),
                instances));
    }

    public List<ThirdPartyLocation> locations(String protocol, Map<String, String> fields) {
        if (!PROTOCOL.equals(protocol)) {
            return List.of();
        }
        Optional<NetworkMapping> network = network(required(fields, "domain"));
        String channel = required(fields, "channel");
        if (network.isEmpty() || !IrcNames.isChannel(channel)) {
            return List.of();
        }
        return List.of(location(network.get().aliasFor(channel), new ChannelRef(network.get().network(), channel)));
    }

    public List<ThirdPartyUser> users(String protocol, Map<String, String> fields) {
        if (!PROTOCOL.equals(protocol)) {
            return List.of();
        }
        Optional<NetworkMapping> network = network(required(fields, "domain"));
        String nick = required(fields, "nick");
        if (network.isEmpty() || !IrcNames.isNick(nick)) {
            return List.of();
        }
        return List.of(user(network.get().userFor(nick), new IrcUserRef(network.get().network(), nick)));
    }

    public List<ThirdPartyLocation> locationsFor(RoomAlias alias) {
        return mappings.channelOf(alias).map(c -> List.of(location(alias, c))).orElse(List.of());
    }

    public List<ThirdPartyUser> usersFor(UserId user) {
        return mappings.nickOf(user).map(n -> List.of(user(user, n))).orElse(List.of());
    }

    private Optional<NetworkMapping> network(String domain) {
        return mappings.networks().stream().filter(n -> n.network().equalsIgnoreCase(domain)).findFirst();
    }

    private static ThirdPartyLocation location(RoomAlias alias, ChannelRef c) {
        return new ThirdPartyLocation(alias, PROTOCOL, Map.of("domain", c.network(), "channel", c.channel()));
    }

    private static ThirdPartyUser user(UserId user, IrcUserRef n) {
        return new ThirdPartyUser(user, PROTOCOL, Map.of("domain", n.network(), "nick", n.nick()));
    }

    private static String required(Map<String, String> fields, String name) {
        String v = fields.get(name);
        if (v == null || v.isBlank()) {
            throw MatrixError.M_MISSING_PARAM.withMessage("the field '" + name + "' is required").toException();
        }
        return v;
    }
}
