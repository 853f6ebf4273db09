package org.matrixas.testkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.matrixas.testkit.bench.PuppetsBench;
import org.matrixas.testkit.ngircd.NgircdAvailability;
import org.matrixas.testkit.ngircd.NgircdServer;

/** A smoke run of the puppet benchmark driver against a real ngircd: it connects, joins and counts. */
class PuppetsBenchIT {
    @Test
    void run_twentyPuppetsInOneChannel_atMostTwoThreadsEach() {
        NgircdAvailability.require();
        try (NgircdServer ngircd = NgircdServer.start(30)) {
            PuppetsBench.Result r = PuppetsBench.run(20, ngircd.host(), ngircd.port());
            assertEquals(20, r.count());
            assertTrue(r.threadsPerConnection() <= 2.0, "threads per connection: " + r);
        }
    }
}
