package org.matrixas.bridge.irc.store;

import java.util.Optional;
import org.matrixas.protocol.id.UserId;

/** The nick each Matrix user's puppet last had on each network, so it comes back under the same nick. */
public interface PuppetNickStore {

    Optional<String> nick(String network, UserId user);

    void putNick(String network, UserId user, String nick);
}
