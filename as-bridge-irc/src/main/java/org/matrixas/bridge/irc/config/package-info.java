/**
 * The bridge's configuration: {@link org.matrixas.bridge.irc.config.BridgeConfig} and its parts, read from YAML by
 * {@link org.matrixas.bridge.irc.config.ConfigLoader} and checked by
 * {@link org.matrixas.bridge.irc.config.ConfigValidator}; errors are
 * {@link org.matrixas.bridge.irc.config.ConfigException}s naming file and key.
 */
package org.matrixas.bridge.irc.config;
