/**
 * The bridge's third-party protocol {@code irc}: {@link org.matrixas.bridge.irc.thirdparty.IrcThirdParty} answers
 * the homeserver's {@code /thirdparty} lookups from the ID mappings.
 */
package org.matrixas.bridge.irc.thirdparty;
