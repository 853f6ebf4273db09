package org.matrixas.bridge.irc.matrix;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.Optional;
import org.matrixas.bridge.irc.irc.PuppetConnection;
import org.matrixas.bridge.irc.irc.Puppets;
import org.matrixas.bridge.irc.mapping.IrcUserRef;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.UserId;

/**
 * What {@link MatrixText} needs to know about users, from the bridge's state: a virtual user's nick, a Matrix
 * user's puppet nick, and display names from the homeserver (asked only for users a message mentions).
 */
@Singleton
final class MatrixUsers implements MatrixText.Users {
    private final Mappings mappings;
    private final Puppets puppets;
    private final HomeserverClient hs;

    @Inject
    MatrixUsers(Mappings mappings, Puppets puppets, HomeserverClient hs) {
        this.mappings = mappings;
        this.puppets = puppets;
        this.hs = hs;
    }

    @Override
    public Optional<String> ircNick(UserId user) {
        Optional<String> virtual = mappings.nickOf(user).map(IrcUserRef::nick);
        if (virtual.isPresent()) {
            return virtual;
        }
        return puppets.all().stream().filter(p -> p.user().equals(user)).map(PuppetConnection::nick).findFirst();
    }

    @Override
    public Optional<String> displayName(UserId user) {
        try {
            return hs.displayName(user);
        } catch (MatrixException e) {
            return Optional.empty();
        }
    }
}
