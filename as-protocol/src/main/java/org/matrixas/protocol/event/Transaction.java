package org.matrixas.protocol.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The body of {@code PUT /_matrix/app/v1/transactions/{txnId}}
 * (<a href="https://spec.matrix.org/v1.13/application-service-api/#put_matrixappv1transactionstxnid">spec</a>):
 * room events in stream order, and ephemeral events (typing, receipts, presence) for services that asked for them.
 */
public record Transaction(
        @JsonProperty("events") List<ClientEvent> events,
        @JsonProperty("ephemeral") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ObjectNode> ephemeral) {

    public Transaction {
        events = List.copyOf(events == null ? List.of() : events);
        ephemeral = List.copyOf(ephemeral == null ? List.of() : ephemeral);
    }

    @JsonCreator
    static Transaction fromJson(@JsonProperty("events") List<ClientEvent> events,
            @JsonProperty("ephemeral") List<ObjectNode> ephemeral,
            @JsonProperty("de.sorunome.msc2409.ephemeral") List<ObjectNode> unstableEphemeral) {
        return new Transaction(events, ephemeral != null ? ephemeral : unstableEphemeral);
    }

    public static Transaction of(List<ClientEvent> events) {
        return new Transaction(events, List.of());
    }

    public int size() {
        return events.size() + ephemeral.size();
    }
}
