package org.matrixas.homeserver.account;

import java.util.Optional;
import org.matrixas.protocol.id.UserId;

/** A user's public profile, a snapshot: look it up again rather than keep it. */
public record Profile(UserId userId, Optional<String> displayName, Optional<String> avatarUrl) {
}
