package org.matrixas.testkit.bench;

import java.nio.charset.StandardCharsets;
import org.matrixas.bridge.irc.irc.IrcConnector;
import org.matrixas.protocol.json.Json;

/**
 * Runs one {@link PuppetsBench} measurement in a JVM of its own (threads and heap per connection must not see
 * what earlier benchmarks left behind) and prints the result as one JSON line after {@link #PREFIX}.
 * Arguments: {@code count host port shared|kicl}.
 */
public final class PuppetsFork {
    static final String PREFIX = "PUPPETS-RESULT ";

    private PuppetsFork() {
    }

    public static void main(String[] args) {
        IrcConnector.Model model = args[3].equals("kicl") ? IrcConnector.Model.KICL_DEFAULTS
                : IrcConnector.Model.SHARED;
        PuppetsBench.Result r = PuppetsBench.run(Integer.parseInt(args[0]), args[1], Integer.parseInt(args[2]), model);
        System.out.println(PREFIX + new String(Json.write(r), StandardCharsets.UTF_8));
        System.exit(0);
    }
}
