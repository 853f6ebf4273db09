package org.matrixas.testkit.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.matrixas.protocol.json.Json;

/**
 * Shared plumbing of the hostile-conditions tests: counts that the {@code reliability-long} profile scales, the
 * seed, raw HTTP over loopback (the JDK client and a raw socket for what the client refuses to send), and the
 * figures file {@code target/reliability-figures.txt} that RELIABILITY.md quotes.
 */
final class Rel {
    /** Set by the {@code reliability-long} Maven profile. */
    static final boolean LONG = Boolean.getBoolean("reliability.long");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    /** Every errcode the spec (and this project's READMEs) allows on a 4xx. */
    static final Set<String> ERRCODES = Set.of("M_FORBIDDEN", "M_UNKNOWN_TOKEN", "M_MISSING_TOKEN", "M_BAD_JSON",
            "M_NOT_JSON", "M_NOT_FOUND", "M_LIMIT_EXCEEDED", "M_UNRECOGNIZED", "M_UNKNOWN", "M_UNAUTHORIZED",
            "M_USER_DEACTIVATED", "M_USER_IN_USE", "M_INVALID_USERNAME", "M_ROOM_IN_USE", "M_INVALID_ROOM_STATE",
            "M_THREEPID_IN_USE", "M_SERVER_NOT_TRUSTED", "M_UNSUPPORTED_ROOM_VERSION", "M_BAD_STATE",
            "M_GUEST_ACCESS_FORBIDDEN", "M_MISSING_PARAM", "M_INVALID_PARAM", "M_TOO_LARGE", "M_EXCLUSIVE",
            "M_METHOD_NOT_ALLOWED");

    private Rel() {
    }

    /** Whether {@code errcode} (may be null) is one the spec allows. */
    static boolean allowed(String errcode) {
        return errcode != null && ERRCODES.contains(errcode);
    }

    /** A count: {@code -Dreliability.<name>=n} wins, else the long or the short default. */
    static int count(String name, int shortValue, int longValue) {
        return Integer.getInteger("reliability." + name, LONG ? longValue : shortValue);
    }

    static long seed(String test) {
        Long fixed = Long.getLong("reliability.seed");
        long seed = fixed != null ? fixed : System.nanoTime() ^ test.hashCode();
        System.err.println("[reliability] " + test + " seed=" + seed + " (rerun with -Dreliability.seed=" + seed + ")");
        return seed;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends a line to the figures file and prints it. */
    static synchronized void figure(String line) {
        String stamped = Instant.now() + (LONG ? " [long] " : " [short] ") + line;
        System.err.println("[reliability] " + stamped);
        try {
            Path f = Path.of("target", "reliability-figures.txt");
            Files.createDirectories(f.getParent());
            Files.writeString(f, stamped + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response: status, raw body, and the body as JSON when it is JSON. */
    record Resp(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return body.length == 0 ? null : Json.mapper().readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        String errcode() {
            JsonNode j = json();
            return j != null && j.path("errcode").isTextual() ? j.get("errcode").asText() : null;
        }

        @Override
        public String toString() {
            String t = text();
            return status + " " + (t.length() > 300 ? t.substring(0, 300) + "…" : t);
        }
    }

    static Resp send(String method, String url, String token, byte[] body) {
        return send(method, url, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), body,
                Duration.ofSeconds(30));
    }

    static Resp send(String method, String url, Map<String, String> headers, byte[] body, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Resp(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Resp send(String method, String url, String token, String body) {
        return send(method, url, token, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code request} (a whole HTTP/1.1 request, as bytes) on a fresh socket and parses the status and
     * body of the answer; for methods and paths the JDK client will not send. Status 0 when the server closed the
     * connection without answering.
     */
    static Resp raw(int port, byte[] request) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may answer (413) and close before reading a huge body: read what it said.
            }
            InputStream in = s.getInputStream();
            byte[] all = in.readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            if (!text.startsWith("HTTP/1.")) {
                return new Resp(0, all);
            }
            int status = Integer.parseInt(text.substring(9, 12));
            int split = text.indexOf("\r\n\r\n");
            byte[] body = split < 0 ? new byte[0] : java.util.Arrays.copyOfRange(all, split + 4, all.length);
            if (text.substring(0, Math.max(0, split)).toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Resp(status, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Resp raw(int port, String method, String target, String token, byte[] body) {
        StringBuilder req = new StringBuilder().append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
        if (token != null) {
            req.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        byte[] b = body == null ? new byte[0] : body;
        req.append("Content-Length: ").append(b.length).append("\r\n");
        if (b.length > 0) {
            req.append("Content-Type: application/json\r\n");
        }
        req.append("\r\n");
        byte[] head = req.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + b.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(b, 0, all, head.length, b.length);
        return raw(port, all);
    }

    private static byte[] unchunk(byte[] body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int eol = indexOf(body, i);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(new String(body, i, eol - i, StandardCharsets.ISO_8859_1).trim().split(";")[0], 16);
            if (size == 0) {
                break;
            }
            out.write(body, eol + 2, Math.min(size, body.length - eol - 2));
            i = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Percent-encodes one path segment. */
    static String enc(String s) {
        return org.matrixas.protocol.http.PercentCodec.encode(s);
    }

    static String json(Object o) {
        return new String(Json.write(o), StandardCharsets.UTF_8);
    }

    /**
     * How many JOIN lines of {@code nick} {@code observer} has received. After restarting a bridge, wait for this to
     * grow: NAMES can still list the old, closed connection for a moment, and a line said before the new bot has
     * joined is never bridged (IRC does not re-send).
     */
    static long joinsSeen(org.matrixas.testkit.irc.IrcTestClient observer, String nick) {
        return observer.received().stream().filter(l -> l.startsWith(":" + nick + "!") && l.contains(" JOIN ")).count();
    }
}
