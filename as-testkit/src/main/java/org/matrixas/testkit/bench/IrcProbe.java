package org.matrixas.testkit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A bare IRC client for timing: it registers, joins, answers PING, and hands every PRIVMSG text it receives to a
 * callback with the {@link System#nanoTime()} at which its line was read, so a latency is not inflated by an
 * await loop. {@code IrcTestClient} keeps a history to poll; a benchmark needs the arrival instant.
 */
final class IrcProbe implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final Socket socket;
    private final OutputStream out;
    private final Thread reader;
    private final CountDownLatch welcomed = new CountDownLatch(1);
    private final Set<String> joined = ConcurrentHashMap.newKeySet();
    private final BiConsumer<String, Long> onText;
    private final String nick;

    private IrcProbe(String host, int port, String nick, BiConsumer<String, Long> onText) throws IOException {
        this.nick = nick;
        this.onText = onText;
        this.socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 5000);
        socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        this.reader = new Thread(this::readLoop, "irc-probe-" + nick);
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects and registers as {@code nick}; {@code onText(text, nanoTime)} sees every PRIVMSG received. */
    static IrcProbe connect(String host, int port, String nick, BiConsumer<String, Long> onText) {
        try {
            IrcProbe p = new IrcProbe(host, port, nick, onText);
            p.send("NICK " + nick);
            p.send("USER " + nick + " 0 * :bench " + nick);
            if (!p.welcomed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.close();
                throw new IllegalStateException("no 001 for " + nick + " within " + WAIT);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String nick() {
        return nick;
    }

    /** Joins and waits for the server's echo of the JOIN. */
    void join(String channel) {
        send("JOIN " + channel);
        Await.until(() -> joined.contains(channel.toLowerCase(java.util.Locale.ROOT)), WAIT,
                nick + " to join " + channel);
    }

    boolean isMember(String channel) {
        return joined.contains(channel.toLowerCase(java.util.Locale.ROOT));
    }

    void privmsg(String target, String text) {
        send("PRIVMSG " + target + " :" + text);
    }

    void send(String line) {
        byte[] b = (line + "\r\n").getBytes(StandardCharsets.UTF_8);
        try {
            synchronized (out) {
                out.write(b);
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("probe " + nick + " could not send", e);
        }
    }

    private void readLoop() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                long now = System.nanoTime();
                handle(line, now);
            }
        } catch (IOException e) {
            // Closed.
        }
    }

    private void handle(String line, long now) {
        String l = line.startsWith("@") ? line.substring(line.indexOf(' ') + 1) : line;
        if (l.startsWith("PING")) {
            send("PONG" + l.substring(4));
            return;
        }
        if (!l.startsWith(":")) {
            return;
        }
        String[] p = l.split(" ", 4);
        if (p.length < 3) {
            return;
        }
        switch (p[1]) {
            case "001" -> welcomed.countDown();
            case "JOIN" -> {
                if (p[0].startsWith(":" + nick + "!")) {
                    joined.add((p[2].startsWith(":") ? p[2].substring(1) : p[2]).toLowerCase(java.util.Locale.ROOT));
                }
            }
            case "PRIVMSG" -> {
                if (p.length == 4) {
                    onText.accept(p[3].startsWith(":") ? p[3].substring(1) : p[3], now);
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        try {
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
