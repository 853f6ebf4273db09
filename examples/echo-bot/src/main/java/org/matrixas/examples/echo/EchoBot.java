package org.matrixas.examples.echo;

import org.matrixas.protocol.appservice.AppService;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.event.Transaction;
import org.matrixas.protocol.id.RoomAlias;

/**
 * An application service that opens a room for any alias in its namespace and echoes what humans say there.
 * Its bot is the registration's {@code sender_localpart} user, which the as_token acts as by default.
 */
public final class EchoBot implements AppService {
    private final HomeserverClient homeserver;
    private final String botLocalpart;

    public EchoBot(HomeserverClient homeserver, String botLocalpart) {
        this.homeserver = homeserver;
        this.botLocalpart = botLocalpart;
    }

    @Override
    public boolean onAliasQuery(RoomAlias alias) {
        homeserver.createRoom(CreateRoomRequest.named(alias.localpart())
                .withAliasName(alias.localpart()).withPreset("public_chat"));
        return true;
    }

    @Override
    public void onTransaction(String txnId, Transaction transaction) {
        for (ClientEvent event : transaction.events()) {
            boolean fromHuman = !event.sender().localpart().equals(botLocalpart);
            if (fromHuman && event.type().equals("m.room.message")) {
                event.contentString("body").ifPresent(body -> homeserver.sendText(event.roomId(), "echo: " + body));
            }
        }
    }
}
