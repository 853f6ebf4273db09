package org.matrixas.bridge.irc.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A plain-socket IRC client for assertions: it sees the exact lines the server relays, which is what the
 * injection tests need. Lines arrive in a queue; {@link #expect} waits for one with a deadline.
 */
public final class IrcTestClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();
    private final Thread reader;

    private IrcTestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.reader = new Thread(() -> read(in), "irc-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects as {@code nick} and waits for the welcome (001). */
    public static IrcTestClient connect(int port, String nick) throws IOException {
        IrcTestClient c = new IrcTestClient(new Socket("127.0.0.1", port));
        c.send("NICK " + nick);
        c.send("USER tester 0 * :test user");
        c.expect(l -> l.contains(" 001 "), Duration.ofSeconds(10));
        return c;
    }

    private void read(BufferedReader in) {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("PING ")) {
                    send("PONG " + line.substring(5));
                }
                synchronized (all) {
                    all.add(line);
                }
                lines.add(line);
            }
        } catch (IOException e) {
            // closed
        }
    }

    public synchronized void send(String line) {
        try {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Joins and waits for the end of the names list. */
    public void join(String channel) {
        send("JOIN " + channel);
        expect(l -> l.contains(" 366 "), Duration.ofSeconds(10));
    }

    public void say(String channel, String text) {
        send("PRIVMSG " + channel + " :" + text);
    }

    /** The next line matching {@code p} (lines before it are consumed). */
    public String expect(Predicate<String> p, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("no matching IRC line within " + timeout.toMillis() + " ms; saw "
                            + seen());
                }
                if (p.test(line)) {
                    return line;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /** Every line received so far. */
    public List<String> seen() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            send("QUIT :bye");
        } catch (IllegalStateException ignored) {
            // already closed
        }
        socket.close();
    }
}
