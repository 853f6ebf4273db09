package org.matrixas.protocol.namespace;

/** A namespace regex that does not compile; the message names the namespace kind and the regex. */
public final class InvalidNamespaceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidNamespaceException(String kind, String regex, String problem) {
        super("namespace '" + kind + "': regex '" + regex + "' is not valid: " + problem);
    }
}
