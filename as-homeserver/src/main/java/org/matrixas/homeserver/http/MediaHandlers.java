package org.matrixas.homeserver.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.matrixas.homeserver.media.StoredMedia;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.http.Exchanges;
import org.matrixas.protocol.http.PercentCodec;
import org.matrixas.protocol.id.MxcUri;
import org.matrixas.protocol.json.Json;

/**
 * The media repository (<a href="https://spec.matrix.org/v1.13/client-server-api/#content-repository">spec</a>):
 * upload, the unauthenticated {@code /_matrix/media/v3/download} and the authenticated
 * {@code /_matrix/client/v1/media/download} (v1.11), and the upload limit. Only this server's media exist (no
 * federation): another server name is 404, an invalid one or an invalid media ID 400.
 */
final class MediaHandlers {
    private static final String MEDIA_V3 = "/_matrix/media/v3";
    private static final String CLIENT_V1 = "/_matrix/client/v1/media";
    /** Types a browser may show inline; anything else downloads as an attachment. */
    private static final Set<String> INLINE = Set.of("text/plain", "text/csv", "application/json", "image/png",
            "image/jpeg", "image/gif", "image/webp", "audio/ogg", "audio/mpeg", "video/mp4", "video/webm");
    /** The Content-Security-Policy the spec recommends for served media: nothing in it may run. */
    private static final String CSP = "sandbox; default-src 'none'; script-src 'none'; plugin-types application/pdf;"
            + " style-src 'unsafe-inline'; media-src 'self'; object-src 'self';";
    private final Services s;

    MediaHandlers(Services services) {
        this.s = services;
    }

    void register(Router r) {
        r.add("POST", MEDIA_V3 + "/upload", Router.Auth.USER, this::postUpload);
        r.add("GET", MEDIA_V3 + "/config", Router.Auth.USER, c -> getConfig());
        r.add("GET", CLIENT_V1 + "/config", Router.Auth.USER, c -> getConfig());
        r.add("GET", MEDIA_V3 + "/download/{serverName}/{mediaId}", Router.Auth.NONE, this::getDownload);
        r.add("GET", MEDIA_V3 + "/download/{serverName}/{mediaId}/{fileName}", Router.Auth.NONE, this::getDownload);
        r.add("GET", CLIENT_V1 + "/download/{serverName}/{mediaId}", Router.Auth.USER, this::getDownload);
        r.add("GET", CLIENT_V1 + "/download/{serverName}/{mediaId}/{fileName}", Router.Auth.USER, this::getDownload);
    }

    private Object getConfig() {
        return Json.object().put("m.upload.size", s.config().media().maxUploadBytes());
    }

    private Object postUpload(Call c) {
        byte[] content = Exchanges.readBody(c.exchange(), s.config().media().maxUploadBytes());
        String type = c.exchange().getRequestHeaders().getFirst("Content-Type");
        Optional<String> fileName = c.query("filename").filter(f -> !f.isBlank());
        MxcUri uri = s.media().put(content, type, fileName, c.requester().user());
        return Json.object().put("content_uri", uri.toString());
    }

    private Object getDownload(Call c) {
        String server = c.param("serverName");
        String mediaId = c.param("mediaId");
        if (!MxcUri.isServerName(server) || !MxcUri.isMediaId(mediaId)) {
            throw MatrixError.M_INVALID_PARAM.withMessage("not a valid content URI: mxc://" + server + "/" + mediaId)
                    .toException();
        }
        Optional<StoredMedia> media = server.equals(s.serverName()) ? s.media().get(mediaId) : Optional.empty();
        StoredMedia m = media.orElseThrow(() -> MatrixError.M_NOT_FOUND.withMessage("no such media: mxc://" + server
                + "/" + mediaId).toException());
        Optional<String> name = Optional.ofNullable(c.param("fileName")).or(m::fileName);
        Map<String, String> headers = new LinkedHashMap<>();
        String base = m.contentType().split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        headers.put("Content-Disposition", (INLINE.contains(base) ? "inline" : "attachment")
                + name.map(n -> "; filename*=utf-8''" + PercentCodec.encode(n)).orElse(""));
        headers.put("Content-Security-Policy", CSP);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Cross-Origin-Resource-Policy", "cross-origin");
        headers.put("Cache-Control", "private, max-age=86400, immutable");
        return new RawReply(200, m.contentType(), headers, m.content());
    }
}
