package org.matrixas.protocol.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The body of <a href="https://spec.matrix.org/v1.13/client-server-api/#post_matrixclientv3createroom">{@code
 * POST /createRoom}</a>; {@code null} fields are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateRoomRequest(
        @JsonProperty("room_alias_name") String roomAliasName,
        @JsonProperty("name") String name,
        @JsonProperty("topic") String topic,
        @JsonProperty("preset") String preset,
        @JsonProperty("visibility") String visibility,
        @JsonProperty("invite") List<String> invite,
        @JsonProperty("is_direct") Boolean isDirect,
        @JsonProperty("initial_state") List<ObjectNode> initialState,
        @JsonProperty("power_level_content_override") ObjectNode powerLevelContentOverride,
        @JsonProperty("creation_content") ObjectNode creationContent) {

    public static CreateRoomRequest named(String name) {
        return new CreateRoomRequest(null, name, null, null, null, null, null, null, null, null);
    }

    public CreateRoomRequest withAliasName(String aliasLocalpart) {
        return new CreateRoomRequest(aliasLocalpart, name, topic, preset, visibility, invite, isDirect, initialState,
                powerLevelContentOverride, creationContent);
    }

    public CreateRoomRequest withTopic(String newTopic) {
        return new CreateRoomRequest(roomAliasName, name, newTopic, preset, visibility, invite, isDirect, initialState,
                powerLevelContentOverride, creationContent);
    }

    public CreateRoomRequest withPreset(String newPreset) {
        return new CreateRoomRequest(roomAliasName, name, topic, newPreset, visibility, invite, isDirect, initialState,
                powerLevelContentOverride, creationContent);
    }

    public CreateRoomRequest withInvite(List<String> userIds, boolean direct) {
        return new CreateRoomRequest(roomAliasName, name, topic, preset, visibility, List.copyOf(userIds), direct,
                initialState, powerLevelContentOverride, creationContent);
    }
}
