/**
 * Recent channel history kept for rooms not created yet: {@link org.matrixas.bridge.irc.scrollback.Scrollbacks}
 * (per channel) holding {@link org.matrixas.bridge.irc.scrollback.ScrollbackBuffer}s bounded by count and age.
 */
package org.matrixas.bridge.irc.scrollback;
