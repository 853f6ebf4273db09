package org.matrixas.testkit.irc;

import java.util.ArrayList;
import java.util.List;

/**
 * MODE for channels (query, flags, key, limit, bans, op/voice) and for the client's own user modes.
 * Only changes that actually took effect are broadcast, in one MODE line, as real servers do.
 */
final class ModeCommand {
    private static final String FLAG_MODES = "imnst";

    private final ServerState state;

    ModeCommand(ServerState state) {
        this.state = state;
    }

    void mode(ClientConnection c, IrcLine line) {
        String target = line.param(0);
        if (target.isEmpty()) {
            state.needMoreParams(c, "MODE");
        } else if (ChannelCommands.isChannelName(target)) {
            channelMode(c, line);
        } else {
            userMode(c, line);
        }
    }

    private void channelMode(ClientConnection c, IrcLine line) {
        Channel ch = state.channel(line.param(0));
        if (ch == null) {
            state.numeric(c, "403", Wire.token(line.param(0)), "No such channel");
            return;
        }
        String modes = line.param(1);
        if (modes.isEmpty()) {
            List<String> params = new ArrayList<>(List.of(ch.name));
            params.addAll(ch.modeParams());
            state.numericTokens(c, "324", params.toArray(String[]::new));
            state.numericTokens(c, "329", ch.name, Long.toString(ch.created.getEpochSecond()));
            return;
        }
        if (line.params().size() == 2 && modes.replace("+", "").equals("b")) {
            listBans(c, ch);
            return;
        }
        Channel.Member me = ch.member(c);
        if (me == null || !me.op) {
            state.numeric(c, "482", ch.name, "You're not channel operator");
            return;
        }
        applyChannelModes(c, ch, modes, line.params().subList(2, line.params().size()));
    }

    private void listBans(ClientConnection c, Channel ch) {
        ch.bans.forEach(mask -> state.numericTokens(c, "367", ch.name, mask));
        state.numeric(c, "368", ch.name, "End of channel ban list");
    }

    /** Walks the mode string, consuming arguments for o, v, b, k (always) and l (when setting). */
    private void applyChannelModes(ClientConnection c, Channel ch, String modes, List<String> args) {
        ModeChanges changes = new ModeChanges();
        int next = 0;
        boolean adding = true;
        for (char m : modes.toCharArray()) {
            if (m == '+' || m == '-') {
                adding = m == '+';
                continue;
            }
            boolean takesArg = "ovbk".indexOf(m) >= 0 || (m == 'l' && adding);
            String arg = takesArg && next < args.size() ? args.get(next++) : null;
            if (takesArg && arg == null) {
                if (m == 'k' && !adding) {
                    arg = "*"; // -k without the key is common and harmless
                } else {
                    continue;
                }
            }
            applyOne(c, ch, adding, m, arg, changes);
        }
        if (!changes.isEmpty()) {
            String[] params = changes.toParams(ch.name);
            state.event(ch.members(), Wire.line(c.prefix(), "MODE", params), state.now());
        }
    }

    private void applyOne(ClientConnection c, Channel ch, boolean adding, char m, String arg, ModeChanges out) {
        switch (m) {
            case 'o', 'v' -> applyMemberMode(c, ch, adding, m, arg, out);
            case 'b' -> {
                if (adding ? ch.bans.add(arg) : ch.bans.remove(arg)) {
                    out.add(adding, m, arg);
                }
            }
            case 'k' -> {
                if (adding && !arg.isEmpty()) {
                    ch.key = arg;
                    out.add(true, m, arg);
                } else if (!adding && ch.key != null) {
                    ch.key = null;
                    out.add(false, m, "*");
                }
            }
            case 'l' -> applyLimit(ch, adding, arg, out);
            default -> {
                if (FLAG_MODES.indexOf(m) < 0) {
                    state.numeric(c, "472", String.valueOf(m), "is unknown mode char to me for " + ch.name);
                } else if (adding ? ch.flags.add(m) : ch.flags.remove(m)) {
                    out.add(adding, m, null);
                }
            }
        }
    }

    private void applyMemberMode(ClientConnection c, Channel ch, boolean adding, char m, String nick,
                                 ModeChanges out) {
        ClientConnection target = state.findNick(nick);
        if (target == null || !target.registered) {
            state.numeric(c, "401", Wire.token(nick), "No such nick/channel");
            return;
        }
        Channel.Member member = ch.member(target);
        if (member == null) {
            state.numeric(c, "441", target.nick, ch.name, "They aren't on that channel");
            return;
        }
        boolean current = m == 'o' ? member.op : member.voice;
        if (current == adding) {
            return;
        }
        if (m == 'o') {
            member.op = adding;
        } else {
            member.voice = adding;
        }
        out.add(adding, m, target.nick);
    }

    private static void applyLimit(Channel ch, boolean adding, String arg, ModeChanges out) {
        if (!adding) {
            if (ch.limit > 0) {
                ch.limit = 0;
                out.add(false, 'l', null);
            }
            return;
        }
        try {
            int limit = Integer.parseInt(arg);
            if (limit > 0) {
                ch.limit = limit;
                out.add(true, 'l', Integer.toString(limit));
            }
        } catch (NumberFormatException e) {
            // An unparsable limit is ignored, like most servers do.
        }
    }

    /** User modes are accepted and echoed so clients that set +i or +B on connect see a normal reply. */
    private void userMode(ClientConnection c, IrcLine line) {
        ClientConnection target = state.findNick(line.param(0));
        if (target == null) {
            state.numeric(c, "401", Wire.token(line.param(0)), "No such nick/channel");
            return;
        }
        if (target != c) {
            state.numeric(c, "502", "Can't change mode for other users");
            return;
        }
        if (line.param(1).isEmpty()) {
            StringBuilder sb = new StringBuilder("+");
            c.userModes.forEach(sb::append);
            state.numericTokens(c, "221", sb.toString());
            return;
        }
        ModeChanges changes = new ModeChanges();
        boolean adding = true;
        for (char m : line.param(1).toCharArray()) {
            if (m == '+' || m == '-') {
                adding = m == '+';
            } else if (Character.isLetter(m) && !(adding && m == 'o')
                    && (adding ? c.userModes.add(m) : c.userModes.remove(m))) {
                changes.add(adding, m, null);
            }
        }
        if (!changes.isEmpty()) {
            state.send(c, Wire.text(c.prefix(), "MODE", c.nick, changes.toParams(null)[0]));
        }
    }

    /** Accumulates applied changes into the compact {@code +ov-k a b *} form. */
    private static final class ModeChanges {
        private final StringBuilder letters = new StringBuilder();
        private final List<String> args = new ArrayList<>();
        private Boolean lastSign;

        void add(boolean adding, char mode, String arg) {
            if (lastSign == null || lastSign != adding) {
                letters.append(adding ? '+' : '-');
                lastSign = adding;
            }
            letters.append(mode);
            if (arg != null) {
                args.add(arg);
            }
        }

        boolean isEmpty() {
            return letters.length() == 0;
        }

        String[] toParams(String channel) {
            List<String> all = new ArrayList<>();
            if (channel != null) {
                all.add(channel);
            }
            all.add(letters.toString());
            all.addAll(args);
            return all.toArray(String[]::new);
        }
    }
}
