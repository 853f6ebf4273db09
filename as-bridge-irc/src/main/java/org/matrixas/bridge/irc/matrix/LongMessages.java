package org.matrixas.bridge.irc.matrix;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.matrixas.bridge.irc.config.HomeserverConfig;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads a message too long for IRC as a {@code text/plain} file and gives the plain HTTP download URL IRC users
 * can open ({@code <homeserver.media_url>/_matrix/media/v3/download/<server>/<id>}, {@code homeserver.url} when no
 * {@code media_url} is set).
 */
@Singleton
final class LongMessages {
    private static final Logger LOG = LoggerFactory.getLogger(LongMessages.class);
    private static final String MXC = "mxc://";
    private final HomeserverClient hs;
    private final HomeserverConfig config;

    @Inject
    LongMessages(HomeserverClient hs, HomeserverConfig config) {
        this.hs = hs;
        this.config = config;
    }

    /** The download URL of {@code text} uploaded as the bridge bot, or empty when the upload failed. */
    Optional<String> upload(UserId sender, String text) {
        try {
            String mxc = hs.uploadMedia(text.getBytes(StandardCharsets.UTF_8), "text/plain", "message.txt");
            return Optional.of(downloadUrl(config.mediaBase(), mxc));
        } catch (MatrixException | IllegalArgumentException e) {
            LOG.warn("long message of {} not uploaded: {}", sender, e.getMessage());
            return Optional.empty();
        }
    }

    /** The download URL of content {@code mxc} under {@code homeserverUrl}; a malformed URI is refused. */
    static String downloadUrl(String homeserverUrl, String mxc) {
        if (!mxc.startsWith(MXC) || mxc.indexOf('/', MXC.length()) < 0) {
            throw new IllegalArgumentException("not a content URI: " + mxc);
        }
        String base = homeserverUrl.endsWith("/") ? homeserverUrl.substring(0, homeserverUrl.length() - 1)
                : homeserverUrl;
        return base + "/_matrix/media/v3/download/" + mxc.substring(MXC.length());
    }
}
