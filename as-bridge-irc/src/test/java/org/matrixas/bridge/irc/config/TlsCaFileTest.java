package org.matrixas.bridge.irc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code networks[].tls_ca_file}: where it resolves, what it must hold, and what it makes trusted. */
class TlsCaFileTest {
    private static final String HEAD = """
            homeserver: { url: http://127.0.0.1:8008, domain: hsdomain.com }
            appservice: { as_token: T_a, hs_token: T_h }
            networks:
              - domain: irc.example.org
                host: irc.example.org
            """;
    private static String alpha;
    private static String beta;

    @TempDir
    static Path certs;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeCertificates() throws IOException, InterruptedException {
        alpha = SelfSigned.pem(certs, "alpha.example");
        beta = SelfSigned.pem(certs, "beta.example");
    }

    @Test
    void load_noTlsCaFile_isNullSoTheJvmTrustStoreIsUsed() throws IOException {
        NetworkConfig n = ConfigLoader.load(write(HEAD + "    tls: true\n")).networks().get(0);
        assertTrue(n.tls());
        assertNull(n.tlsCaFile());
    }

    @Test
    void load_relativeTlsCaFile_resolvesAgainstTheConfigFolder() throws IOException {
        Files.createDirectories(dir.resolve("tls"));
        Files.writeString(dir.resolve("tls/ca.pem"), alpha);
        NetworkConfig n = ConfigLoader.load(write(HEAD + "    tls: true\n    tls_ca_file: ./tls/../tls/ca.pem\n"))
                .networks().get(0);
        assertEquals(dir.resolve("tls/ca.pem"), n.tlsCaFile());
    }

    @Test
    void load_absoluteTlsCaFile_isKept() throws IOException {
        Path pem = Files.writeString(certs.resolve("absolute.pem"), alpha).toAbsolutePath();
        NetworkConfig n = ConfigLoader.load(write(HEAD + "    tls: true\n    tls_ca_file: " + pem + "\n"))
                .networks().get(0);
        assertEquals(pem, n.tlsCaFile());
    }

    @Test
    void load_missingTlsCaFile_failsNamingKeyAndBothFiles() throws IOException {
        ConfigException e = failure(HEAD + "    tls: true\n    tls_ca_file: nowhere.pem\n");
        assertEquals("networks[0].tls_ca_file", e.key().orElseThrow());
        assertTrue(e.getMessage().contains("does not exist: " + dir.resolve("nowhere.pem")), e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve("config.yaml").toString()), e.getMessage());
    }

    @Test
    void load_tlsCaFileIsAFolder_failsAsUnreadable() throws IOException {
        ConfigException e = failure(HEAD + "    tls: true\n    tls_ca_file: .\n");
        assertEquals("networks[0].tls_ca_file", e.key().orElseThrow());
        assertTrue(e.getMessage().contains("cannot be read: " + dir), e.getMessage());
    }

    @Test
    void load_tlsCaFileWithoutCertificates_failsNamingFile() throws IOException {
        String keyOnly = "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n";
        for (String text : List.of("", "not a certificate\n", keyOnly, alpha.substring(0, alpha.length() / 2))) {
            Files.writeString(dir.resolve("bad.pem"), text);
            ConfigException e = failure(HEAD + "    tls: true\n    tls_ca_file: bad.pem\n");
            assertEquals("networks[0].tls_ca_file", e.key().orElseThrow());
            assertTrue(e.getMessage().contains("is not a PEM file of certificates: " + dir.resolve("bad.pem")),
                    e.getMessage());
        }
    }

    @Test
    void load_tlsCaFileWithoutTls_fails() throws IOException {
        Files.writeString(dir.resolve("ca.pem"), alpha);
        ConfigException e = failure(HEAD + "    tls_ca_file: ca.pem\n");
        assertEquals("networks[0].tls_ca_file", e.key().orElseThrow());
        assertTrue(e.getMessage().contains("tls is false"), e.getMessage());
    }

    @Test
    void validate_configBuiltInCodeWithMissingFile_failsNamingKey() {
        BridgeConfig c = BridgeConfig.of(HomeserverConfig.of("http://127.0.0.1:8008", "hsdomain.com"),
                AppServiceConfig.of("T_a", "T_h"), dir,
                List.of(NetworkConfig.of("irc.example.org", "irc.example.org", 6697)
                        .withTls(dir.resolve("missing.pem"))));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigValidator.validate(c));
        assertEquals("networks[0].tls_ca_file", e.key().orElseThrow());
    }

    @Test
    void trustManagers_twoCertificatesWithTextAround_trustsExactlyThose() throws Exception {
        Path pem = Files.writeString(dir.resolve("both.pem"), "# alpha\n" + alpha + "# beta\n" + beta);
        List<X509Certificate> read = TrustedCertificates.read(pem);
        assertEquals(2, read.size());
        TrustManagerFactory factory = TrustedCertificates.trustManagers(pem);
        X509TrustManager tm = (X509TrustManager) factory.getTrustManagers()[0];
        assertEquals(2, tm.getAcceptedIssuers().length);
        tm.checkServerTrusted(new X509Certificate[] {read.get(1)}, "ECDHE_ECDSA");

        X509Certificate other = TrustedCertificates.read(Files.writeString(dir.resolve("other.pem"),
                SelfSigned.pem(certs, "gamma.example"))).get(0);
        assertThrows(java.security.cert.CertificateException.class,
                () -> tm.checkServerTrusted(new X509Certificate[] {other}, "ECDHE_ECDSA"));
    }

    @Test
    void trustManagers_doNotIncludeTheJvmTrustStore() throws Exception {
        TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        defaults.init((KeyStore) null);
        assertTrue(((X509TrustManager) defaults.getTrustManagers()[0]).getAcceptedIssuers().length > 1);
        Path pem = Files.writeString(dir.resolve("one.pem"), alpha);
        X509TrustManager tm = (X509TrustManager) TrustedCertificates.trustManagers(pem).getTrustManagers()[0];
        assertEquals(1, tm.getAcceptedIssuers().length);
    }

    private ConfigException failure(String yaml) throws IOException {
        Path f = write(yaml);
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(f));
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("config.yaml"), yaml);
    }
}
