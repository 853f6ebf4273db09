package org.matrixas.homeserver.http;

import java.util.Map;

/** A handler's answer that is not JSON: media content, the metrics text. */
record RawReply(int status, String contentType, Map<String, String> headers, byte[] body) {
    RawReply {
        headers = Map.copyOf(headers);
    }
}
