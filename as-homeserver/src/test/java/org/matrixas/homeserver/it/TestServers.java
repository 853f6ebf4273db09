package org.matrixas.homeserver.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.matrixas.homeserver.Homeserver;
import org.matrixas.homeserver.config.AppServiceConfig;
import org.matrixas.homeserver.config.HomeserverConfig;
import org.matrixas.protocol.json.Json;

/** Starting homeservers for integration tests, and raw HTTP for asserting status codes and bodies. */
final class TestServers {
    static final String SERVER = "localhost";
    static final String PREAUTH_TOKEN = "as-token-preauthorised";
    static final String PREAUTH_TOKEN_2 = "as-token-preauthorised-2";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServers() {
    }

    static HomeserverConfig.Builder config(Path dataDir) {
        return HomeserverConfig.builder().serverName(SERVER).dataDir(dataDir).listen("127.0.0.1", 0)
                .enableRegistration(true).registrationApiTokens(List.of(PREAUTH_TOKEN, PREAUTH_TOKEN_2))
                .appservice(AppServiceConfig.DEFAULT.withBackoff(Duration.ofMillis(50), Duration.ofMillis(400))
                        .withQuery(Duration.ofSeconds(5), 2));
    }

    static Homeserver start(Path dataDir) {
        return Homeserver.start(config(dataDir).build());
    }

    /** A raw answer: status and body text. */
    record Answer(int status, String body) {
        String errcode() {
            return Json.tree(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).path("errcode").asText();
        }

        com.fasterxml.jackson.databind.JsonNode json() {
            return Json.tree(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    static Answer call(String method, String url, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    static Answer call(String method, String url, String token, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }
}
