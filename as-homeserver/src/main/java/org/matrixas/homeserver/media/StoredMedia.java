package org.matrixas.homeserver.media;

import java.util.Objects;
import java.util.Optional;

/**
 * One piece of uploaded content.
 *
 * @param mediaId     the media ID of its {@code mxc://} URI
 * @param contentType the {@code Content-Type} given at upload ({@code application/octet-stream} if none)
 * @param fileName    the {@code filename} given at upload, if any
 * @param content     the bytes
 */
public record StoredMedia(String mediaId, String contentType, Optional<String> fileName, byte[] content) {
    public StoredMedia {
        Objects.requireNonNull(mediaId, "mediaId is null");
        Objects.requireNonNull(contentType, "contentType is null");
        Objects.requireNonNull(fileName, "fileName is null");
        Objects.requireNonNull(content, "content is null");
    }
}
