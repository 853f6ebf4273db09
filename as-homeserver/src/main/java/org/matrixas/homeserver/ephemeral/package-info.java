/**
 * Ephemeral events: {@link org.matrixas.homeserver.ephemeral.Ephemeral} keeps typing notices, read receipts and
 * presence in memory and publishes each change as an {@link org.matrixas.homeserver.ephemeral.EphemeralEvent}
 * to the push pipeline, which hands them to the services with {@code receive_ephemeral}.
 */
package org.matrixas.homeserver.ephemeral;
