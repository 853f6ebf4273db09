/**
 * TLS for test servers, with certificates made at test time (no key file is ever committed).
 *
 * <p>Entry points: {@link org.matrixas.testkit.tls.TestCertificate#create} makes a self-signed RSA certificate for
 * the host names and addresses a test needs, with the JDK's own {@code keytool}, and writes it and its key as PEM
 * (what ngircd and the bridge's {@code tls_ca_file} read); {@link org.matrixas.testkit.tls.TlsFront} is a TLS
 * listener that forwards each connection to a plain port, which puts TLS in front of the in-process IRC server and
 * counts the handshakes it completed and refused.
 */
package org.matrixas.testkit.tls;
