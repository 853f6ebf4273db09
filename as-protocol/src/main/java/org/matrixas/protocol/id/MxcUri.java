package org.matrixas.protocol.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A <a href="https://spec.matrix.org/v1.13/client-server-api/#matrix-content-mxc-uris">Matrix content URI</a>:
 * {@code mxc://<server-name>/<media-id>}. The media ID is limited to {@code [A-Za-z0-9_-]}, as the spec requires,
 * so it is safe to use as a file name or a path segment.
 *
 * @param server  the server name that issued the media
 * @param mediaId the opaque media ID
 */
public record MxcUri(String server, String mediaId) {
    private static final String KIND = "content URI";
    private static final String SCHEME = "mxc://";
    private static final int MAX_MEDIA_ID_LENGTH = 255;

    public MxcUri {
        Objects.requireNonNull(server, "server is null");
        Objects.requireNonNull(mediaId, "mediaId is null");
        String input = SCHEME + server + "/" + mediaId;
        Grammar.checkServerName(KIND, input, server);
        if (!isMediaId(mediaId)) {
            throw new InvalidIdException(KIND, input, "media ID must be 1 to " + MAX_MEDIA_ID_LENGTH
                    + " characters of A-Z, a-z, 0-9, '_' and '-'");
        }
    }

    @JsonCreator
    public static MxcUri parse(String input) {
        if (input == null || !input.startsWith(SCHEME)) {
            throw new InvalidIdException(KIND, input, "must start with mxc://");
        }
        String rest = input.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw new InvalidIdException(KIND, input, "has no media ID");
        }
        return new MxcUri(rest.substring(0, slash), rest.substring(slash + 1));
    }

    public static MxcUri of(String server, String mediaId) {
        return new MxcUri(server, mediaId);
    }

    /** Whether {@code s} is a valid media ID: 1 to 255 characters of {@code [A-Za-z0-9_-]}. */
    public static boolean isMediaId(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_MEDIA_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} is a valid server name ({@code host[:port]}), as in the server part of any ID. */
    public static boolean isServerName(String s) {
        return Grammar.isServerName(s);
    }

    @JsonValue
    @Override
    public String toString() {
        return SCHEME + server + "/" + mediaId;
    }
}
