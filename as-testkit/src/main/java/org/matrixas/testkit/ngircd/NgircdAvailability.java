package org.matrixas.testkit.ngircd;

import org.junit.jupiter.api.Assumptions;

/**
 * Decides what a test does when ngircd is missing: skip with a clear message on a developer's machine, but
 * fail under {@code CI=true}, where a skipped real-server test would hide a broken set-up.
 */
public final class NgircdAvailability {
    private NgircdAvailability() {
    }

    /** Call first in a test (or {@code @BeforeAll}) that needs ngircd. */
    public static void require() {
        if (NgircdServer.locate().isPresent()) {
            return;
        }
        String message = "ngircd is not installed (Debian: apt-get install ngircd); skipping the real-IRC-server test";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message.replace("skipping", "CI=true forbids skipping"));
        }
        Assumptions.abort(message);
    }
}
