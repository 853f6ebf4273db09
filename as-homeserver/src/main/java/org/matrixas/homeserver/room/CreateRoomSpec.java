package org.matrixas.homeserver.room;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;

/**
 * A validated {@code POST /createRoom} request.
 *
 * @param preset        {@code public_chat}, {@code private_chat} or {@code trusted_private_chat}
 * @param initialState  state events ({@code type}, {@code state_key}, {@code content}) applied after the preset
 */
public record CreateRoomSpec(
        Optional<RoomAlias> alias,
        Optional<String> name,
        Optional<String> topic,
        String preset,
        List<UserId> invite,
        boolean isDirect,
        List<ObjectNode> initialState,
        Optional<ObjectNode> powerLevelOverride,
        Optional<ObjectNode> creationContent) {

    public CreateRoomSpec {
        invite = List.copyOf(invite);
        initialState = List.copyOf(initialState);
        if (!List.of("public_chat", "private_chat", "trusted_private_chat").contains(preset)) {
            throw new IllegalArgumentException("preset must be public_chat, private_chat or trusted_private_chat");
        }
    }

    public static CreateRoomSpec named(String name) {
        return new CreateRoomSpec(Optional.empty(), Optional.of(name), Optional.empty(), "private_chat", List.of(),
                false, List.of(), Optional.empty(), Optional.empty());
    }
}
