package org.matrixas.testkit.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed RSA 2048 certificate and its private key, made at test time by the JDK's {@code keytool} into a
 * PKCS#12 key store and written next to it as PEM: the certificate ({@link #certificatePem()}, what a client
 * trusts, e.g. the bridge's {@code tls_ca_file}) and the key as PKCS#8 ({@link #privateKeyPem()}, what ngircd's
 * GnuTLS reads). RSA because every TLS library takes it.
 */
public final class TestCertificate {
    private static final String ALIAS = "server";
    private static final char[] PASSWORD = "test-only".toCharArray();
    private static final AtomicInteger COUNT = new AtomicInteger();
    private final Path keyStore;
    private final Path certificatePem;
    private final Path privateKeyPem;
    private final X509Certificate certificate;
    private final PrivateKey key;

    private TestCertificate(Path keyStore, Path certificatePem, Path privateKeyPem, X509Certificate certificate,
            PrivateKey key) {
        this.keyStore = keyStore;
        this.certificatePem = certificatePem;
        this.privateKeyPem = privateKeyPem;
        this.certificate = certificate;
        this.key = key;
    }

    /**
     * Makes a certificate valid for two days whose subject alternative names are {@code hosts} (DNS names, or IPv4
     * and IPv6 literals), the first also being its common name; its files go into {@code dir}.
     *
     * @throws UncheckedIOException when keytool fails or the files cannot be written
     */
    public static TestCertificate create(Path dir, String... hosts) {
        if (hosts.length == 0) {
            throw new IllegalArgumentException("a certificate needs at least one host");
        }
        String name = "cert-" + COUNT.incrementAndGet();
        try {
            Files.createDirectories(dir);
            Path store = dir.resolve(name + ".p12");
            keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=" + hosts[0], "-ext", "SAN=" + subjectAlternativeNames(hosts),
                    "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD),
                    "-noprompt");
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, PASSWORD);
            }
            X509Certificate cert = (X509Certificate) ks.getCertificate(ALIAS);
            PrivateKey key = (PrivateKey) ks.getKey(ALIAS, PASSWORD);
            Path certPem = Files.writeString(dir.resolve(name + ".crt.pem"), pem("CERTIFICATE", cert.getEncoded()));
            Path keyPem = Files.writeString(dir.resolve(name + ".key.pem"), pem("PRIVATE KEY", key.getEncoded()));
            return new TestCertificate(store, certPem, keyPem, cert, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the key store keytool made", e);
        }
    }

    /** The certificate as PEM: trust it with a client's CA file (the bridge's {@code tls_ca_file}). */
    public Path certificatePem() {
        return certificatePem;
    }

    /** The private key as unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
    public Path privateKeyPem() {
        return privateKeyPem;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A TLS context that serves this certificate. */
    public SSLContext serverContext() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, key, PASSWORD, new java.security.cert.Certificate[] {certificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context from " + keyStore, e);
        }
    }

    private static String subjectAlternativeNames(String... hosts) {
        return Stream.of(hosts)
                .map(h -> (h.matches("[0-9.]+") || h.contains(":") ? "ip:" : "dns:") + Objects.requireNonNull(h))
                .collect(Collectors.joining(","));
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            // keytool prints a line or two and exits; reading to the end returns when it does.
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while keytool ran", e);
        }
    }
}
