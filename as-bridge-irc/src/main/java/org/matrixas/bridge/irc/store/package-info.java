/**
 * Durable bridge state behind interfaces: {@link org.matrixas.bridge.irc.store.RoomStore} (channel ⇄ room),
 * {@link org.matrixas.bridge.irc.store.PuppetNickStore}, the {@link org.matrixas.bridge.irc.store.Outbox} of Matrix
 * messages on their way to IRC and as-protocol's {@code TransactionLog}, all backed by
 * one SQLite file through {@link org.matrixas.bridge.irc.store.StoreModule}.
 */
package org.matrixas.bridge.irc.store;
