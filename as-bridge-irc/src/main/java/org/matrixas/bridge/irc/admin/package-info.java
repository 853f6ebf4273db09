/**
 * The admin room: a Matrix user invites the bridge bot into a room of their own, and there gives it commands
 * ({@code !join}, {@code !nick}, {@code !storepass}, ...) about their IRC connections; the bot answers with
 * {@code m.notice}. Entry point: {@link org.matrixas.bridge.irc.admin.AdminRooms#onEvent}, called for every event
 * of a transaction before it is bridged. Nothing said in an admin room is ever relayed to IRC.
 */
package org.matrixas.bridge.irc.admin;
