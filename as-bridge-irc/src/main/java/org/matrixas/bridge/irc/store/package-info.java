/**
 * Durable bridge state behind interfaces: {@link org.matrixas.bridge.irc.store.RoomStore} (channel ⇄ room),
 * {@link org.matrixas.bridge.irc.store.PuppetNickStore}, {@link org.matrixas.bridge.irc.store.AdminRoomStore},
 * {@link org.matrixas.bridge.irc.store.PasswordStore} (AES-256-GCM, key in {@code <data_dir>/passwords.key}),
 * {@link org.matrixas.bridge.irc.store.UserNameStore}, {@link org.matrixas.bridge.irc.store.PlumbedRoomStore}, the
 * {@link org.matrixas.bridge.irc.store.Outbox} of Matrix messages on their way to IRC and as-protocol's
 * {@code TransactionLog}, all backed by one SQLite file through {@link org.matrixas.bridge.irc.store.StoreModule}.
 */
package org.matrixas.bridge.irc.store;
