package org.matrixas.bridge.irc.store;

import java.util.Optional;
import org.matrixas.protocol.id.UserId;

/**
 * The IRC account password of each Matrix user on each network ({@code !storepass}). Implementations keep it
 * encrypted at rest; the plaintext exists only in memory, and must never reach a log.
 */
public interface PasswordStore {

    Optional<String> password(String network, UserId user);

    /** Stores {@code password}, replacing the user's previous one on that network. */
    void putPassword(String network, UserId user, String password);

    /** Forgets the password; false when none was stored. */
    boolean removePassword(String network, UserId user);
}
