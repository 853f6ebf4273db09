package org.matrixas.protocol.client;

import java.util.Objects;
import java.util.Optional;

/**
 * Downloaded content (<a href="https://spec.matrix.org/v1.13/client-server-api/#get_matrixclientv1mediadownloadservernamemediaid">
 * download</a>): the bytes, their {@code Content-Type} and the file name from {@code Content-Disposition}, if any.
 */
public record Media(byte[] content, String contentType, Optional<String> fileName) {
    public Media {
        Objects.requireNonNull(content, "content is null");
        Objects.requireNonNull(contentType, "contentType is null");
        Objects.requireNonNull(fileName, "fileName is null");
    }

    @Override
    public String toString() {
        return "Media[" + content.length + " bytes, " + contentType + fileName.map(f -> ", " + f).orElse("") + "]";
    }
}
