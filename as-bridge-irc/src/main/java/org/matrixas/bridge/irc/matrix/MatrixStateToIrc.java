package org.matrixas.bridge.irc.matrix;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.bridge.irc.irc.Puppets;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.bridge.irc.mapping.PuppetNickTemplate;
import org.matrixas.bridge.irc.store.RoomMapping;
import org.matrixas.bridge.irc.text.IrcNames;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.UserId;

/**
 * Matrix membership and topics into IRC: leaving the room (or being kicked from it) parts the user's puppet (unless
 * the network's {@code membership.matrix_to_irc} is off), a new display name renames the puppet when the nick
 * template uses {@code $DISPLAY}, and topic changes and kicks of virtual users go through
 * {@link MatrixModerationToIrc}. Runs on the room's serial queue; a user without a puppet has nothing to undo on IRC.
 */
@Singleton
final class MatrixStateToIrc {
    private final Puppets puppets;
    private final Mappings mappings;
    private final BridgeConfig config;
    private final MatrixModerationToIrc moderation;

    @Inject
    MatrixStateToIrc(Puppets puppets, Mappings mappings, BridgeConfig config, MatrixModerationToIrc moderation) {
        this.puppets = puppets;
        this.mappings = mappings;
        this.config = config;
        this.moderation = moderation;
    }

    static boolean handles(ClientEvent e) {
        return e.isState() && ("m.room.member".equals(e.type()) || "m.room.topic".equals(e.type()));
    }

    void apply(RoomMapping room, ClientEvent e) {
        if ("m.room.topic".equals(e.type())) {
            moderation.topic(room, e);
            return;
        }
        String membership = e.contentString("membership").orElse("");
        UserId target = UserId.parse(e.stateKey());
        if ("join".equals(membership) && target.equals(e.sender()) && !mappings.isBridgeUser(target)) {
            rename(room, target, e.contentString("displayname").orElse(null));
            return;
        }
        if (!"leave".equals(membership) && !"ban".equals(membership)) {
            return;
        }
        String network = room.channel().network();
        if (!mappings.isBridgeUser(target)) {
            if (networkConfig(network).membership().matrixToIrc()) {
                puppets.existing(network, target).ifPresent(p -> p.session().part(room.channel().channel(),
                        target.equals(e.sender()) ? "left the Matrix room" : "removed from the Matrix room"));
            }
        } else if (mappings.network(network).isVirtual(target)) {
            mappings.network(network).nickOf(target).ifPresent(nick -> moderation.kick(room, e, nick.nick()));
        }
    }

    /** A puppet's nick follows the display name when the template uses it (a taken nick keeps the old one). */
    private void rename(RoomMapping room, UserId user, String displayName) {
        NetworkConfig network = networkConfig(room.channel().network());
        if (displayName == null || !network.nickTemplate().contains("$DISPLAY")) {
            return;
        }
        puppets.existing(network.domain(), user).ifPresent(p -> {
            String wanted = new PuppetNickTemplate(network.nickTemplate()).nickFor(user, displayName,
                    p.session().nickLength());
            if (!IrcNames.fold(wanted).equals(IrcNames.fold(p.nick()))) {
                p.session().sendRaw("NICK " + wanted);
            }
        });
    }

    private NetworkConfig networkConfig(String network) {
        return config.network(network).orElseThrow();
    }
}
