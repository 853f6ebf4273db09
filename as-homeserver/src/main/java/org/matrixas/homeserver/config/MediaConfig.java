package org.matrixas.homeserver.config;

/**
 * The media repository ({@code media: {max_upload_bytes: ...}}). Content lives under {@code data_dir/media}.
 *
 * @param maxUploadBytes the largest upload accepted; larger ones get 413 {@code M_TOO_LARGE} (default 10 MiB)
 */
public record MediaConfig(int maxUploadBytes) {
    public static final int DEFAULT_MAX_UPLOAD_BYTES = 10 << 20;
    public static final MediaConfig DEFAULT = new MediaConfig(DEFAULT_MAX_UPLOAD_BYTES);

    public MediaConfig {
        if (maxUploadBytes < 1) {
            throw new ConfigException("'media.max_upload_bytes' must be a positive integer, was " + maxUploadBytes);
        }
    }
}
