package org.matrixas.homeserver.config;

import org.matrixas.protocol.id.InvalidIdException;
import org.matrixas.protocol.id.UserId;

/** Checks a server name with the ID grammar of as-protocol, so config and IDs never disagree. */
final class ServerNames {
    private ServerNames() {
    }

    static void check(String serverName) {
        try {
            UserId.parse("@probe:" + serverName);
        } catch (InvalidIdException e) {
            throw new ConfigException("'server_name' must be a host name with an optional port, was '" + serverName
                    + "'");
        }
    }
}
