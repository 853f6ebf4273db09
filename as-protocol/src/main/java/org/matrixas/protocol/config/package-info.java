/**
 * Helpers for the configuration files of the toolkit's processes: {@link
 * org.matrixas.protocol.config.KeySuggestions} suggests the key a typo meant.
 */
package org.matrixas.protocol.config;
