package org.matrixas.bridge.irc.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The bridge's version, from {@code version.properties}, which Maven fills in with the project version at build
 * time (so it is there whether the bridge runs from its jar or from the classes of a build).
 */
public final class BridgeVersion {
    static final String RESOURCE = "/org/matrixas/bridge/irc/version.properties";
    private static final String UNKNOWN = "unknown";

    private BridgeVersion() {
    }

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when the build did not record it. */
    public static String get() {
        try (InputStream in = BridgeVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").strip();
            return v.isEmpty() || v.startsWith("${") ? UNKNOWN : v;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
