package org.matrixas.testkit;

/** Which IRC server a {@link MatrixTest} starts. */
public enum IrcMode {
    /** No IRC server. */
    NONE,
    /** The toolkit's in-process IRC server (with IRCv3 server-time). */
    IN_PROCESS,
    /** A real ngircd process; skipped when ngircd is missing, and a failure under {@code CI=true}. */
    NGIRCD
}
