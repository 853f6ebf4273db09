/**
 * The IRC side, on KICL: one {@link org.matrixas.bridge.irc.irc.BotConnection} per network (joins channels,
 * reports lines to an {@link org.matrixas.bridge.irc.irc.IrcMessageListener}), one
 * {@link org.matrixas.bridge.irc.irc.PuppetConnection} per Matrix user who speaks
 * ({@link org.matrixas.bridge.irc.irc.Puppets}), and the one
 * {@link org.matrixas.bridge.irc.irc.IrcClientFactory} that builds every KICL client.
 */
package org.matrixas.bridge.irc.irc;
