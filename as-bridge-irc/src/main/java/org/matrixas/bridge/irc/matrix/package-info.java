/**
 * The Matrix side: {@link org.matrixas.bridge.irc.matrix.IrcAppService} (as-protocol's AppService:
 * {@link org.matrixas.bridge.irc.matrix.AliasQueries}, {@link org.matrixas.bridge.irc.matrix.UserQueries},
 * {@link org.matrixas.bridge.irc.matrix.MatrixToIrc}), {@link org.matrixas.bridge.irc.matrix.IrcToMatrix} (IRC
 * lines into rooms), {@link org.matrixas.bridge.irc.matrix.VirtualUsers} (acting as IRC users, on homeservers
 * that query and on those that refuse) and {@link org.matrixas.bridge.irc.matrix.AppServiceHttp} (the HTTP
 * server with {@code /health}).
 */
package org.matrixas.bridge.irc.matrix;
