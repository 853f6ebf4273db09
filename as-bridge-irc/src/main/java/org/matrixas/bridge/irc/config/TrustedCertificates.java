package org.matrixas.bridge.irc.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates of a {@code networks[].tls_ca_file}: a PEM file of one or more certificates (a private CA, or a
 * self-signed server certificate) that are the only ones trusted for that network's TLS connections. Text around
 * the {@code -----BEGIN CERTIFICATE-----} blocks (comments, {@code openssl} subject lines) is ignored.
 */
public final class TrustedCertificates {

    private TrustedCertificates() {
    }

    /**
     * Every certificate in {@code file}.
     *
     * @throws IOException when the file cannot be read
     * @throws CertificateException when it holds no certificate or one that does not parse
     */
    public static List<X509Certificate> read(Path file) throws IOException, CertificateException {
        byte[] pem = Files.readAllBytes(file);
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate c : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem))) {
            certificates.add((X509Certificate) c);
        }
        if (certificates.isEmpty()) {
            throw new CertificateException("no -----BEGIN CERTIFICATE----- block found");
        }
        return List.copyOf(certificates);
    }

    /**
     * Trust managers that trust exactly the certificates in {@code file} (and so any chain ending in one of them).
     *
     * @throws IOException when the file cannot be read
     * @throws GeneralSecurityException when it holds no certificate or one that does not parse
     */
    public static TrustManagerFactory trustManagers(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        List<X509Certificate> certificates = read(file);
        for (int i = 0; i < certificates.size(); i++) {
            store.setCertificateEntry("trusted-" + i, certificates.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }

    /** Checks {@code networks[i].tls_ca_file} of {@code n}; {@code key} names it in the error. */
    static void check(NetworkConfig n, String key) {
        Path file = n.tlsCaFile();
        if (!n.tls()) {
            throw new ConfigException(key, "is set but tls is false; set tls: true or remove " + key);
        }
        try {
            read(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(key, "names a file that does not exist: " + file);
        } catch (IOException e) {
            throw new ConfigException(key, "cannot be read: " + file + " (" + e + ")");
        } catch (CertificateException e) {
            throw new ConfigException(key, "is not a PEM file of certificates: " + file + " (" + e.getMessage() + ")");
        }
    }
}
