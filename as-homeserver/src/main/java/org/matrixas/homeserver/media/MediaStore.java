package org.matrixas.homeserver.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.matrixas.protocol.id.MxcUri;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

/**
 * Uploaded content on disk: {@code <dir>/<mediaId>} holds the bytes and {@code <dir>/<mediaId>.json} the content
 * type, file name, size, uploader and time. Media IDs are 24 random characters of {@code [A-Za-z0-9]}; an ID from
 * a request is checked against {@link MxcUri#isMediaId} (letters, digits, {@code _} and {@code -}) before any path
 * is built from it, and the path must still lie in {@code dir}, so no request can name another file. The
 * metadata file is written last, so a crash mid-upload leaves content nobody can download rather than a
 * truncated download.
 */
public final class MediaStore {
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int ID_LENGTH = 24;
    /** {@code type/subtype} and optional parameters, printable ASCII only. */
    private static final Pattern CONTENT_TYPE = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+"
            + "(\\s*;[\\x20-\\x7e]*)?");
    private static final String DEFAULT_TYPE = "application/octet-stream";
    private final Path dir;
    private final String serverName;
    private final SecureRandom random = new SecureRandom();

    public MediaStore(Path dir, String serverName) {
        this.dir = Objects.requireNonNull(dir, "dir is null").toAbsolutePath().normalize();
        this.serverName = Objects.requireNonNull(serverName, "serverName is null");
    }

    /** Stores content and returns its {@code mxc://<server_name>/<id>} URI. */
    public MxcUri put(byte[] content, String contentType, Optional<String> fileName, UserId uploader) {
        String type = contentType == null || contentType.length() > 255 || !CONTENT_TYPE.matcher(contentType).matches()
                ? DEFAULT_TYPE : contentType;
        String id = newId();
        ObjectNode meta = Json.object().put("content_type", type).put("size", content.length)
                .put("uploader", uploader.toString()).put("created_ts", System.currentTimeMillis());
        fileName.ifPresent(f -> meta.put("filename", f));
        try {
            Files.createDirectories(dir);
            write(path(id), content);
            write(path(id + ".json"), Json.write(meta));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store media " + id, e);
        }
        return MxcUri.of(serverName, id);
    }

    /** The content of a media ID of this server; empty when there is none (or the ID is not a valid media ID). */
    public Optional<StoredMedia> get(String mediaId) {
        if (!MxcUri.isMediaId(mediaId)) {
            return Optional.empty();
        }
        try {
            JsonNode meta = Json.tree(Files.readAllBytes(path(mediaId + ".json")));
            byte[] content = Files.readAllBytes(path(mediaId));
            Optional<String> fileName = meta.path("filename").isTextual() ? Optional.of(meta.get("filename").asText())
                    : Optional.empty();
            return Optional.of(new StoredMedia(mediaId, meta.path("content_type").asText(DEFAULT_TYPE), fileName,
                    content));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read media " + mediaId, e);
        }
    }

    /** A file of this store; refuses any name that would resolve outside it. */
    private Path path(String name) {
        Path p = dir.resolve(name).normalize();
        if (!p.getParent().equals(dir)) {
            throw new IllegalArgumentException("media name escapes the media folder");
        }
        return p;
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private String newId() {
        StringBuilder sb = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            sb.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return sb.toString();
    }
}
