package org.matrixas.testkit.irc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Channel membership and metadata commands: JOIN, PART, KICK, TOPIC, NAMES and LIST. */
final class ChannelCommands {
    static final int CHANNEL_LEN = 50;
    static final int TOPIC_LEN = 390;

    private final ServerState state;

    ChannelCommands(ServerState state) {
        this.state = state;
    }

    static boolean isChannelName(String s) {
        return !s.isEmpty() && (s.charAt(0) == '#' || s.charAt(0) == '&');
    }

    static boolean isValidChannelName(String s) {
        if (!isChannelName(s) || s.length() < 2 || s.length() > CHANNEL_LEN) {
            return false;
        }
        return s.chars().noneMatch(ch -> ch <= ' ' || ch == ',' || ch == ':');
    }

    void join(ClientConnection c, IrcLine line) {
        String targets = line.param(0);
        if (targets.isEmpty()) {
            state.needMoreParams(c, "JOIN");
            return;
        }
        if ("0".equals(targets)) {
            List.copyOf(c.channels).forEach(ch -> leave(c, ch, "Left all channels"));
            return;
        }
        String[] names = targets.split(",");
        String[] keys = line.param(1).split(",");
        for (int i = 0; i < names.length; i++) {
            joinOne(c, names[i], i < keys.length ? keys[i] : "");
        }
    }

    /** The first joiner creates the channel and gets op; keys only matter once a channel is +k. */
    private void joinOne(ClientConnection c, String name, String key) {
        if (!isValidChannelName(name)) {
            state.numeric(c, "403", Wire.token(name), "No such channel");
            return;
        }
        Channel ch = state.channel(name);
        boolean created = ch == null;
        if (created) {
            ch = state.createChannel(name);
        } else if (ch.contains(c) || !admitted(c, ch, key)) {
            return;
        }
        ch.add(c, created);
        c.channels.add(ch);
        state.event(ch.members(), Wire.line(c.prefix(), "JOIN", ch.name), state.now());
        if (ch.topic != null) {
            sendTopic(c, ch);
        }
        sendNames(c, ch);
    }

    private boolean admitted(ClientConnection c, Channel ch, String key) {
        String code;
        String mode;
        if (ch.isBanned(c)) {
            code = "474";
            mode = "+b";
        } else if (ch.has('i')) {
            code = "473";
            mode = "+i";
        } else if (ch.key != null && !ch.key.equals(key)) {
            code = "475";
            mode = "+k";
        } else if (ch.limit > 0 && ch.size() >= ch.limit) {
            code = "471";
            mode = "+l";
        } else {
            return true;
        }
        state.numeric(c, code, ch.name, "Cannot join channel (" + mode + ")");
        return false;
    }

    void part(ClientConnection c, IrcLine line) {
        if (line.param(0).isEmpty()) {
            state.needMoreParams(c, "PART");
            return;
        }
        for (String name : line.param(0).split(",")) {
            Channel ch = state.channel(name);
            if (ch == null) {
                state.numeric(c, "403", Wire.token(name), "No such channel");
            } else if (!ch.contains(c)) {
                state.numeric(c, "442", ch.name, "You're not on that channel");
            } else {
                leave(c, ch, line.param(1));
            }
        }
    }

    private void leave(ClientConnection c, Channel ch, String reason) {
        String part = reason.isEmpty() ? Wire.line(c.prefix(), "PART", ch.name)
                : Wire.text(c.prefix(), "PART", ch.name, reason);
        state.event(ch.members(), part, state.now());
        state.leave(c, ch);
    }

    void kick(ClientConnection c, IrcLine line) {
        if (line.params().size() < 2) {
            state.needMoreParams(c, "KICK");
            return;
        }
        Channel ch = state.channel(line.param(0));
        if (ch == null) {
            state.numeric(c, "403", Wire.token(line.param(0)), "No such channel");
            return;
        }
        Channel.Member me = ch.member(c);
        if (me == null) {
            state.numeric(c, "442", ch.name, "You're not on that channel");
            return;
        }
        if (!me.op) {
            state.numeric(c, "482", ch.name, "You're not channel operator");
            return;
        }
        String reason = line.params().size() > 2 ? line.param(2) : c.nick;
        for (String target : line.param(1).split(",")) {
            if (!ch.contains(c)) {
                break; // the kicker kicked themselves out of the channel
            }
            kickOne(c, ch, target, reason);
        }
    }

    private void kickOne(ClientConnection c, Channel ch, String target, String reason) {
        ClientConnection victim = state.findNick(target);
        if (victim == null || !victim.registered) {
            state.numeric(c, "401", Wire.token(target), "No such nick/channel");
        } else if (!ch.contains(victim)) {
            state.numeric(c, "441", victim.nick, ch.name, "They aren't on that channel");
        } else {
            state.event(ch.members(), Wire.text(c.prefix(), "KICK", ch.name, victim.nick, reason), state.now());
            state.leave(victim, ch);
        }
    }

    void topic(ClientConnection c, IrcLine line) {
        if (line.param(0).isEmpty()) {
            state.needMoreParams(c, "TOPIC");
            return;
        }
        Channel ch = state.channel(line.param(0));
        if (ch == null) {
            state.numeric(c, "403", Wire.token(line.param(0)), "No such channel");
        } else if (line.params().size() < 2) {
            queryTopic(c, ch);
        } else if (!ch.contains(c)) {
            state.numeric(c, "442", ch.name, "You're not on that channel");
        } else if (ch.has('t') && !ch.member(c).op) {
            state.numeric(c, "482", ch.name, "You're not channel operator");
        } else {
            String text = line.param(1);
            text = text.length() > TOPIC_LEN ? text.substring(0, TOPIC_LEN) : text;
            Instant now = state.now();
            ch.topic = text.isEmpty() ? null : text;
            ch.topicSetBy = c.nick;
            ch.topicSetAt = now;
            state.event(ch.members(), Wire.text(c.prefix(), "TOPIC", ch.name, text), now);
        }
    }

    private void queryTopic(ClientConnection c, Channel ch) {
        if (ch.has('s') && !ch.contains(c)) {
            state.numeric(c, "442", ch.name, "You're not on that channel");
        } else if (ch.topic == null) {
            state.numeric(c, "331", ch.name, "No topic is set");
        } else {
            sendTopic(c, ch);
        }
    }

    private void sendTopic(ClientConnection c, Channel ch) {
        state.numeric(c, "332", ch.name, ch.topic);
        state.numericTokens(c, "333", ch.name, ch.topicSetBy, Long.toString(ch.topicSetAt.getEpochSecond()));
    }

    void names(ClientConnection c, IrcLine line) {
        if (line.param(0).isEmpty()) {
            state.numeric(c, "366", "*", "End of /NAMES list.");
            return;
        }
        for (String name : line.param(0).split(",")) {
            Channel ch = state.channel(name);
            if (ch != null && (!ch.has('s') || ch.contains(c))) {
                sendNames(c, ch);
            } else {
                state.numeric(c, "366", Wire.token(name), "End of /NAMES list.");
            }
        }
    }

    /** 353 lines are packed up to the 512-byte limit, as a channel with hundreds of puppets needs several. */
    void sendNames(ClientConnection c, Channel ch) {
        String symbol = ch.has('s') ? "@" : "=";
        int budget = Wire.MAX_BODY_BYTES - 16 - state.config.serverName().length() - c.nickOrStar().length()
                - ch.name.length();
        StringBuilder names = new StringBuilder();
        for (Map.Entry<ClientConnection, Channel.Member> e : ch.entries()) {
            String entry = e.getValue().prefix() + e.getKey().nick;
            if (names.length() > 0 && names.length() + 1 + entry.length() > budget) {
                state.numeric(c, "353", symbol, ch.name, names.toString());
                names.setLength(0);
            }
            names.append(names.length() > 0 ? " " : "").append(entry);
        }
        if (names.length() > 0) {
            state.numeric(c, "353", symbol, ch.name, names.toString());
        }
        state.numeric(c, "366", ch.name, "End of /NAMES list.");
    }

    void list(ClientConnection c, IrcLine line) {
        Collection<Channel> which = new ArrayList<>();
        if (line.param(0).isEmpty()) {
            which.addAll(state.channels());
        } else {
            for (String name : line.param(0).split(",")) {
                Channel ch = state.channel(name);
                if (ch != null) {
                    which.add(ch);
                }
            }
        }
        state.numeric(c, "321", "Channel", "Users  Name");
        for (Channel ch : which) {
            if (!ch.has('s') || ch.contains(c)) {
                state.numeric(c, "322", ch.name, Integer.toString(ch.size()), ch.topic == null ? "" : ch.topic);
            }
        }
        state.numeric(c, "323", "End of /LIST");
    }
}
