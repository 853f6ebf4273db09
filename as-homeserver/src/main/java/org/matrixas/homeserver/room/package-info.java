/**
 * Rooms and their events: {@link org.matrixas.homeserver.room.Rooms} (create, membership, send, redact, state,
 * reads), {@link org.matrixas.homeserver.room.RoomHistory} (one event by ID, timeline pages),
 * {@link org.matrixas.homeserver.room.Aliases} (the local directory) and the {@link
 * org.matrixas.homeserver.room.EventStream} head that sync and the push pipeline wait on.
 */
package org.matrixas.homeserver.room;
