package org.matrixas.bridge.irc.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.matrixas.bridge.irc.config.HomeserverConfig;
import org.matrixas.protocol.http.PercentCodec;

/**
 * The IRC line of a Matrix file ({@code m.image}, {@code m.file}, {@code m.audio}, {@code m.video}): its name, size
 * and a download link IRC users can open, {@code <homeserver.media_url>/_matrix/media/v3/download/<server>/<id>/<name>}
 * (as matrix-appservice-irc's {@code homeserver.media_url} does); a caption
 * (<a href="https://spec.matrix.org/v1.13/client-server-api/#media-captions">spec</a>: {@code body} differs from
 * {@code filename}) comes first. An encrypted file has no link to give and says so.
 */
@Singleton
final class MediaLinks {
    private static final Set<String> FILE_TYPES = Set.of("m.image", "m.file", "m.audio", "m.video");
    private final HomeserverConfig homeserver;

    @Inject
    MediaLinks(HomeserverConfig homeserver) {
        this.homeserver = homeserver;
    }

    /** The line for a file message; empty for any other content (and for a file without a content URI). */
    Optional<String> line(JsonNode content) {
        if (!FILE_TYPES.contains(content.path("msgtype").asText(""))) {
            return Optional.empty();
        }
        String body = content.path("body").asText("").strip();
        String fileName = content.path("filename").asText("").strip();
        String name = fileName.isEmpty() ? body : fileName;
        String caption = !fileName.isEmpty() && !body.isEmpty() && !body.equals(fileName) ? body + " " : "";
        String size = content.path("info").path("size").canConvertToLong()
                ? ", " + humanSize(content.path("info").path("size").asLong()) : "";
        if (content.path("file").isObject()) {
            return Optional.of(caption + "(" + label(name) + size + ", encrypted: open it in a Matrix client)");
        }
        String mxc = content.path("url").asText("");
        String link;
        try {
            link = LongMessages.downloadUrl(homeserver.mediaBase(), mxc);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!name.isEmpty()) {
            link += "/" + PercentCodec.encode(name);
        }
        return Optional.of(caption + "(" + label(name) + size + ") " + link);
    }

    private static String label(String name) {
        return name.isEmpty() ? "file" : name;
    }

    /** {@code bytes} as B, KB, MB or GB with one decimal above bytes (1,000 based, as file managers show). */
    static String humanSize(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
