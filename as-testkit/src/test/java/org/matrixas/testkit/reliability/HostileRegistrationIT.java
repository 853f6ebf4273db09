package org.matrixas.testkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.config.HomeserverConfig;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.Registration;
import org.matrixas.protocol.registration.RegistrationFiles;
import org.matrixas.testkit.TestHomeserver;

/**
 * Hostile registrations: catastrophically backtracking namespace regexes are matched in linear time (or refused),
 * duplicate ids and as_tokens are refused, invalid URLs and regexes are refused with 400 M_INVALID_PARAM.
 */
class HostileRegistrationIT {
    @TempDir
    Path tmp;
    private TestHomeserver hs;

    private TestHomeserver start(List<Path> files) {
        HomeserverConfig.Builder b = HomeserverConfig.builder().serverName("localhost").dataDir(tmp.resolve("hs"))
                .listen("127.0.0.1", 0).enableRegistration(true).registrationApiTokens(List.of("reg-1", "reg-2", "reg-3"));
        files.forEach(b::addAppServiceConfigFile);
        hs = TestHomeserver.start(b.build());
        return hs;
    }

    @AfterEach
    void stop() {
        if (hs != null) {
            hs.close();
        }
    }

    private Rel.Resp register(String asToken, String body) {
        return Rel.send("POST", hs.baseUrl() + "/_matrix/appservice/v1/register", asToken, body);
    }

    @Test
    void backtrackingRegexes_matchedInLinearTimeOrRefused() {
        start(List.of());
        List<String> evil = List.of("@(a+)+$", "@(a|a)+$", "@(a|aa)+$", "@(.*a){20}$", "@([a-z]+)*!$", "(a*)*b");
        String victim = "@" + "a".repeat(200) + "!:localhost";
        int accepted = 0;
        int n = 0;
        for (String regex : evil) {
            String token = "reg-" + (1 + n % 3);
            Rel.Resp r = register(token, "{\"id\":\"evil" + n + "\",\"url\":\"http://127.0.0.1:9\",\"as_token\":\""
                    + token + "\",\"namespaces\":{\"users\":[{\"exclusive\":true,\"regex\":" + Rel.json(regex) + "}],"
                    + "\"aliases\":[{\"exclusive\":true,\"regex\":" + Rel.json(regex) + "}]}}");
            assertTrue(r.status() == 200 || r.status() == 400 && "M_INVALID_PARAM".equals(r.errcode()),
                    regex + ": " + r);
            if (r.status() == 200) {
                accepted++;
                // Matching a 200-character ID must answer (a backtracking engine would need ~2^200 steps); the
                // HTTP client's deadline is the guard, not a timer.
                Rel.Resp reg = Rel.send("POST", hs.baseUrl() + "/_matrix/client/v3/register",
                        Map.of(), ("{\"username\":\"" + "a".repeat(200) + "\",\"password\":\"pw-long-enough\","
                                + "\"auth\":{\"type\":\"m.login.dummy\"}}").getBytes(), Duration.ofSeconds(60));
                assertTrue(reg.status() < 500, regex + " register: " + reg);
                Rel.Resp alias = Rel.send("GET", hs.baseUrl() + "/_matrix/client/v3/directory/room/"
                        + Rel.enc("#" + "a".repeat(200) + "!:localhost"), Map.of(), null, Duration.ofSeconds(60));
                assertTrue(alias.status() < 500 || alias.status() == 502 || alias.status() == 504,
                        regex + " alias: " + alias);
                assertTrue(victim.length() > 200);
            }
            n++;
        }
        Rel.figure("HostileRegistrationIT: " + evil.size() + " backtracking regexes, " + accepted
                + " accepted and matched against 200-character IDs without stalling (RE2J), "
                + (evil.size() - accepted) + " refused");
    }

    @Test
    void invalidUrlsAndRegexes_refusedWithInvalidParam() {
        start(List.of());
        List<String> badUrls = List.of("not a url", "ftp://127.0.0.1/", "javascript:alert(1)", "", "file:///etc/passwd",
                "127.0.0.1:9000", "//127.0.0.1", "gopher://x");
        List<String> failures = new ArrayList<>();
        for (String url : badUrls) {
            Rel.Resp r = register("reg-1", "{\"url\":" + Rel.json(url) + ",\"as_token\":\"reg-1\",\"namespaces\":{}}");
            if (!(r.status() == 400 && "M_INVALID_PARAM".equals(r.errcode()))) {
                failures.add("url " + Rel.json(url) + " -> " + r);
            }
        }
        for (String regex : List.of("(", "[a-", "a{99999}", "*", "(?<n>a)\\k<n>")) {
            Rel.Resp r = register("reg-1", "{\"url\":\"http://127.0.0.1:9\",\"as_token\":\"reg-1\",\"namespaces\":"
                    + "{\"users\":[{\"exclusive\":true,\"regex\":" + Rel.json(regex) + "}]}}");
            if (!(r.status() == 400 && "M_INVALID_PARAM".equals(r.errcode()))) {
                failures.add("regex " + Rel.json(regex) + " -> " + r);
            }
        }
        Rel.figure("HostileRegistrationIT: " + badUrls.size() + " invalid URLs and 5 invalid regexes; "
                + failures.size() + " not refused" + (failures.isEmpty() ? "" : ": " + failures));
        assertEquals(List.of(), failures);
    }

    @Test
    void malformedHttpUrls_refusedWithInvalidParam() {
        start(List.of());
        List<String> failures = new ArrayList<>();
        for (String url : List.of("http://", "http://a b/", "http://[::1", "https://", "http://:99999")) {
            Rel.Resp r = register("reg-1", "{\"url\":" + Rel.json(url) + ",\"as_token\":\"reg-1\",\"namespaces\":{}}");
            if (!(r.status() == 400 && "M_INVALID_PARAM".equals(r.errcode()))) {
                failures.add("url " + Rel.json(url) + " -> " + r);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void duplicateIdViaApi_refused_sameTokenReplaces() {
        start(List.of());
        Rel.Resp first = register("reg-1", "{\"id\":\"dup\",\"url\":\"http://127.0.0.1:9\",\"as_token\":\"reg-1\","
                + "\"namespaces\":{}}");
        assertEquals(200, first.status(), first.toString());
        Rel.Resp sameId = register("reg-2", "{\"id\":\"dup\",\"url\":\"http://127.0.0.1:9\",\"as_token\":\"reg-2\","
                + "\"namespaces\":{}}");
        assertEquals(400, sameId.status(), "a second service with the same id: " + sameId);
        assertEquals("M_INVALID_PARAM", sameId.errcode());
        Rel.Resp notAllowed = register("reg-9", "{\"url\":\"http://127.0.0.1:9\",\"as_token\":\"reg-9\",\"namespaces\":{}}");
        assertEquals(403, notAllowed.status(), notAllowed.toString());
        assertEquals("M_FORBIDDEN", notAllowed.errcode());
        Rel.Resp bodyTokenMismatch = register("reg-3", "{\"url\":\"http://127.0.0.1:9\",\"as_token\":\"reg-1\",\"namespaces\":{}}");
        assertTrue(bodyTokenMismatch.status() < 500, bodyTokenMismatch.toString());
    }

    @Test
    void duplicateIdOrAsTokenInRegistrationFiles_refusesToStart() throws Exception {
        Namespaces ns = new Namespaces(List.of(Namespace.exclusive("@f_.*:localhost")), List.of(), List.of());
        Registration one = Registration.builder().id("file1").url("http://127.0.0.1:9").asToken("tok-1")
                .hsToken("hs-1").senderLocalpart("file1").namespaces(ns).build();
        Path a = tmp.resolve("a.yaml");
        Path b = tmp.resolve("b.yaml");
        RegistrationFiles.write(one, a);
        RegistrationFiles.write(Registration.builder().id("file1").url("http://127.0.0.1:9").asToken("tok-2")
                .hsToken("hs-2").senderLocalpart("file2").namespaces(ns).build(), b);
        RuntimeException sameId = assertThrows(RuntimeException.class, () -> start(List.of(a, b)));
        RegistrationFiles.write(Registration.builder().id("file2").url("http://127.0.0.1:9").asToken("tok-1")
                .hsToken("hs-2").senderLocalpart("file2").namespaces(ns).build(), b);
        RuntimeException sameToken = assertThrows(RuntimeException.class, () -> start(List.of(a, b)));
        assertTrue(!sameToken.getMessage().contains("tok-1"), "the refusal must not print the token: " + sameToken);
        Rel.figure("HostileRegistrationIT: duplicate id in files refused (" + sameId.getMessage()
                + "); duplicate as_token refused (" + sameToken.getMessage() + ")");
    }
}
