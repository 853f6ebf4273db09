package org.matrixas.testkit.demo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.client.Session;
import org.matrixas.protocol.client.SyncResponse;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.RoomId;

/**
 * A line-based Matrix chat for the terminal, so the demo can be tried without installing a Matrix client:
 * registers (or logs in) a user, joins a room by alias or ID, prints what is said and sends what you type.
 */
public final class MatrixChat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private MatrixChat() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args[0].startsWith("-")) {
            System.out.println("usage: matrix-chat USER ROOM [HOMESERVER_URL]   (password = USER; registers if new)");
            System.exit(args.length == 1 && args[0].startsWith("-h") ? 0 : 2);
        }
        String user = args[0];
        String url = args.length > 2 ? args[2] : "http://127.0.0.1:8008";
        HomeserverClient anonymous = HomeserverClient.anonymous(url);
        Session session = logIn(anonymous, user);
        HomeserverClient api = anonymous.withToken(session.accessToken());
        RoomId room = api.join(args[1]);
        System.out.println("* " + session.userId() + " joined " + args[1] + " (" + room + "); type to talk, Ctrl-D quits");
        Thread printer = new Thread(() -> printLoop(api, room), "matrix-chat-sync");
        printer.setDaemon(true);
        printer.start();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank()) {
                api.sendText(room, line);
            }
        }
    }

    private static Session logIn(HomeserverClient anonymous, String user) {
        try {
            return anonymous.registerUser(user, user);
        } catch (MatrixException e) {
            return anonymous.login(user, user);
        }
    }

    private static void printLoop(HomeserverClient api, RoomId room) {
        String since = null;
        while (true) {
            try {
                SyncResponse r = api.sync(since, Duration.ofSeconds(30));
                boolean initial = since == null;
                since = r.nextBatch();
                SyncResponse.JoinedRoom joined = r.joined().get(room);
                if (joined != null) {
                    joined.timeline().stream().filter(e -> !initial || isRecent(e)).forEach(MatrixChat::print);
                }
            } catch (MatrixException e) {
                System.out.println("* sync failed: " + e.getMessage());
                return;
            }
        }
    }

    private static boolean isRecent(ClientEvent e) {
        return e.originServerTs() > Instant.now().minus(Duration.ofHours(1)).toEpochMilli();
    }

    private static void print(ClientEvent e) {
        String when = TIME.format(Instant.ofEpochMilli(e.originServerTs()));
        if (e.type().equals("m.room.message")) {
            String body = e.contentString("body").orElse("");
            boolean emote = "m.emote".equals(e.contentString("msgtype").orElse(""));
            System.out.println(when + (emote ? " * " + e.sender() + " " : " <" + e.sender() + "> ") + body);
        } else if (e.type().equals("m.room.member")) {
            System.out.println(when + " * " + e.stateKey() + " " + e.contentString("membership").orElse("?"));
        }
    }
}
