package org.matrixas.bridge.irc.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * Which membership changes the bridge mirrors. With {@code irc_to_matrix} off, IRC joins, parts, quits and kicks
 * of other users are not shown in Matrix (messages still are, by a virtual user that joins when it first speaks);
 * with {@code matrix_to_irc} off, Matrix users get a puppet only when they first speak, and leaving a room does
 * not part the puppet. A burst of quits that looks like a netsplit is held back for {@code netsplit_hold_seconds}
 * and dropped when the users return in time.
 *
 * @param ircToMatrix mirror IRC membership into Matrix rooms (default true)
 * @param matrixToIrc mirror Matrix membership onto puppets (default true)
 * @param netsplitHold how long quits from a netsplit wait for the users to return (default 30 s)
 */
public record MembershipConfig(boolean ircToMatrix, boolean matrixToIrc, Duration netsplitHold) {
    public static final Duration DEFAULT_NETSPLIT_HOLD = Duration.ofSeconds(30);

    public MembershipConfig {
        netsplitHold = netsplitHold == null ? DEFAULT_NETSPLIT_HOLD : netsplitHold;
    }

    @JsonCreator
    static MembershipConfig fromYaml(@JsonProperty("irc_to_matrix") Boolean ircToMatrix,
            @JsonProperty("matrix_to_irc") Boolean matrixToIrc,
            @JsonProperty("netsplit_hold_seconds") Long netsplitHoldSeconds) {
        return new MembershipConfig(ircToMatrix == null || ircToMatrix, matrixToIrc == null || matrixToIrc,
                netsplitHoldSeconds == null ? null : Duration.ofSeconds(netsplitHoldSeconds));
    }

    public static MembershipConfig defaults() {
        return new MembershipConfig(true, true, DEFAULT_NETSPLIT_HOLD);
    }
}
