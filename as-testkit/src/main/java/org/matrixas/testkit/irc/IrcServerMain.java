package org.matrixas.testkit.irc;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the in-process IRC server on its own, for the demo and for trying the bridge by hand:
 * {@code java -cp as-testkit/target/as-testkit-tools.jar org.matrixas.testkit.irc.IrcServerMain [--host H] [--port P]}.
 * It stops on Ctrl-C.
 */
public final class IrcServerMain {
    private IrcServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String host = "127.0.0.1";
        int port = 6667;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = value(args, ++i);
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--help", "-h" -> {
                    System.out.println("usage: IrcServerMain [--host 127.0.0.1] [--port 6667]");
                    return;
                }
                default -> {
                    System.err.println("unknown option: " + args[i] + " (try --help)");
                    System.exit(2);
                }
            }
        }
        IrcServer server = IrcServer.builder().host(host).port(port).serverName("irc.local")
                .networkName("Demo").serverTime(true).build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "irc-server-shutdown"));
        System.out.println("IRC server listening on " + server.host() + ":" + server.port());
        stopped.await();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            System.err.println("option " + args[i - 1] + " needs a value");
            System.exit(2);
        }
        return args[i];
    }
}
