package org.matrixas.bridge.irc.matrix;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.Optional;
import org.matrixas.bridge.irc.mapping.IrcUserRef;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers user queries: a user ID that maps to a nick is registered, given the nick as display name, and
 * reported as existing. Any valid mapped nick is accepted, whether or not it is online now.
 */
@Singleton
public final class UserQueries {
    private static final Logger LOG = LoggerFactory.getLogger(UserQueries.class);
    private final Mappings mappings;
    private final VirtualUsers users;

    @Inject
    UserQueries(Mappings mappings, VirtualUsers users) {
        this.mappings = mappings;
        this.users = users;
    }

    public boolean onUserQuery(UserId userId) {
        Optional<IrcUserRef> nick = mappings.nickOf(userId);
        if (nick.isEmpty()) {
            return false;
        }
        try {
            users.provision(userId, nick.get().nick());
            return true;
        } catch (MatrixException e) {
            LOG.warn("user query {}: provisioning failed: {}", userId, e.getMessage());
            return false;
        }
    }
}
