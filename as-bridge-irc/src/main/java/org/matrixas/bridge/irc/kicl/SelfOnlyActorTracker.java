package org.matrixas.bridge.irc.kicl;

import java.util.Set;
import org.kitteh.irc.client.library.Client;
import org.kitteh.irc.client.library.defaults.feature.DefaultActorTracker;
import org.kitteh.irc.client.library.element.User;
import org.kitteh.irc.client.library.element.mode.ChannelUserMode;
import org.matrixas.bridge.irc.text.IrcNames;

/**
 * The actor tracker of a puppet: it knows which channels the puppet is in and the puppet itself, but no other
 * member, and never asks the server for channel state (WHO, MODE) on join. KICL's default keeps every member of
 * every channel in every client and queries on each join, so heap and CPU grow with the channel's size times the
 * number of puppets; the bot's connection tracks the channel instead.
 */
final class SelfOnlyActorTracker extends DefaultActorTracker {
    private final Client.WithManagement client;

    SelfOnlyActorTracker(Client.WithManagement client) {
        super(client);
        this.client = client;
    }

    private boolean isSelf(String nick) {
        return IrcNames.fold(nick).equals(IrcNames.fold(client.getNick()));
    }

    @Override
    public boolean shouldQueryChannelInformation() {
        return false;
    }

    @Override
    public void setQueryChannelInformation(boolean query) {
        // Never query: the puppet does not keep channel state.
    }

    @Override
    public void trackChannelNick(String channel, String nick, Set<ChannelUserMode> modes) {
        if (isSelf(nick)) {
            super.trackChannelNick(channel, nick, modes);
        }
    }

    @Override
    public void trackChannelUser(String channel, User user, Set<ChannelUserMode> modes) {
        if (isSelf(user.getNick())) {
            super.trackChannelUser(channel, user, modes);
        }
    }

    @Override
    public void trackUser(User user) {
        if (isSelf(user.getNick())) {
            super.trackUser(user);
        }
    }
}
