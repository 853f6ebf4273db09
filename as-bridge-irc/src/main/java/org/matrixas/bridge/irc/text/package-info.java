/**
 * IRC text rules without dependencies: {@link org.matrixas.bridge.irc.text.IrcNames} (nick and channel syntax,
 * case folding for keys) and {@link org.matrixas.bridge.irc.text.IrcLines} (line splitting that keeps CR, LF and
 * NUL from Matrix away from the IRC wire).
 */
package org.matrixas.bridge.irc.text;
