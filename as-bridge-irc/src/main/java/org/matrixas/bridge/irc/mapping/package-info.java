/**
 * How IRC names become Matrix IDs and back: {@link org.matrixas.bridge.irc.mapping.Mappings} (all networks, and
 * the namespaces to register), {@link org.matrixas.bridge.irc.mapping.NetworkMapping} (alias ⇄ channel,
 * nick ⇄ virtual user) and {@link org.matrixas.bridge.irc.mapping.PuppetNickTemplate} (Matrix user ⇄ puppet nick).
 */
package org.matrixas.bridge.irc.mapping;
