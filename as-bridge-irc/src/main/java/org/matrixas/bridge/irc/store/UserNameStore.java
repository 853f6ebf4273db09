package org.matrixas.bridge.irc.store;

import java.util.Optional;
import org.matrixas.protocol.id.UserId;

/** The IRC user name (ident) each Matrix user chose for their puppet on each network ({@code !username}). */
public interface UserNameStore {

    Optional<String> userName(String network, UserId user);

    /** Stores {@code userName}, replacing the user's previous one on that network. */
    void putUserName(String network, UserId user, String userName);
}
