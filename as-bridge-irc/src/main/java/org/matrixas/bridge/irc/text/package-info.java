/**
 * IRC text rules without dependencies: {@link org.matrixas.bridge.irc.text.IrcNames} (nick and channel syntax,
 * case folding for keys), {@link org.matrixas.bridge.irc.text.IrcLines} (line splitting by line break and by the
 * 512-byte limit, keeping CR, LF and NUL from Matrix away from the IRC wire),
 * {@link org.matrixas.bridge.irc.text.IrcFormatting} (IRC codes to escaped Matrix HTML) and
 * {@link org.matrixas.bridge.irc.text.HtmlToIrc} (Matrix HTML to IRC codes by an allow-list).
 */
package org.matrixas.bridge.irc.text;
