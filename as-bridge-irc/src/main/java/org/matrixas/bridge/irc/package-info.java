/**
 * A Matrix ⇄ IRC bridge on as-protocol and KICL. Entry points: {@link org.matrixas.bridge.irc.Main} (command
 * line), {@link org.matrixas.bridge.irc.IrcBridge} (embedding) and {@link org.matrixas.bridge.irc.BridgeModule}
 * (the Guice module composing each feature package's module).
 */
package org.matrixas.bridge.irc;
