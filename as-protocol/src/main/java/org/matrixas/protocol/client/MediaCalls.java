package org.matrixas.protocol.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.function.Function;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.http.PercentCodec;
import org.matrixas.protocol.id.MxcUri;

/** The media calls of {@link HomeserverClient}: raw bytes in and out rather than JSON. */
final class MediaCalls {
    private final HttpClient http;
    private final boolean hasToken;
    private final Function<String, HttpRequest.Builder> request;

    /**
     * @param request a request to a path of the homeserver with the client's token, identity and timeout
     */
    MediaCalls(HttpClient http, boolean hasToken, Function<String, HttpRequest.Builder> request) {
        this.http = http;
        this.hasToken = hasToken;
        this.request = request;
    }

    String upload(byte[] content, String contentType, String fileName) {
        String path = "/_matrix/media/v3/upload" + (fileName == null ? "" : "?filename=" + PercentCodec.encode(fileName));
        Http.Response r = Http.send(http, request.apply(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build());
        if (!r.ok()) {
            throw new MatrixException(r.error());
        }
        JsonNode json = r.json();
        if (json == null || !json.path("content_uri").isTextual()) {
            throw new MatrixException(MatrixError.M_BAD_JSON.withStatus(502).withMessage("upload answered without content_uri"));
        }
        return json.get("content_uri").asText();
    }

    Media download(String mxcUri) {
        MxcUri mxc = MxcUri.parse(mxcUri);
        String tail = "/download/" + PercentCodec.encode(mxc.server()) + "/" + PercentCodec.encode(mxc.mediaId());
        Http.Response r = null;
        if (hasToken) {
            r = get("/_matrix/client/v1/media" + tail);
        }
        if (r == null || r.unknownEndpoint()) {
            r = get("/_matrix/media/v3" + tail);
        }
        if (!r.ok()) {
            throw new MatrixException(r.error());
        }
        String type = r.headers().firstValue("Content-Type").orElse("application/octet-stream");
        return new Media(r.body(), type, r.headers().firstValue("Content-Disposition").flatMap(ContentDisposition::fileName));
    }

    private Http.Response get(String path) {
        return Http.send(http, request.apply(path).GET().build());
    }
}
