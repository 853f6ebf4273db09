package org.matrixas.bridge.irc.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Self-signed certificates made with the JDK's {@code keytool} at test time, exported as PEM. */
final class SelfSigned {
    private SelfSigned() {
    }

    /** A new self-signed certificate for {@code host}, as PEM text. */
    static String pem(Path dir, String host) throws IOException, InterruptedException {
        Path store = dir.resolve(host + "-" + System.nanoTime() + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=" + host,
                "-ext", "SAN=dns:" + host, "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-noprompt"));
        return run(List.of(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", store.toString(),
                "-storepass", "changeit"));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(command.get(1) + " failed: " + out);
        }
        return out;
    }
}
