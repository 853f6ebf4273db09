package org.matrixas.homeserver.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.matrixas.homeserver.store.Database;
import org.matrixas.homeserver.store.Sql;
import org.matrixas.protocol.json.Json;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.Registration;

/** Registrations made at run time (draft API or {@code Homeserver.registerAppService}), kept across restarts. */
final class RegistrationStore {
    private final Database db;

    RegistrationStore(Database db) {
        this.db = db;
    }

    List<Registration> all() {
        return db.read(c -> Sql.list(c, "SELECT id, url, as_token, hs_token, sender_localpart, namespaces, extra "
                + "FROM appservices ORDER BY created_ts, id", rs -> {
                    Registration.Builder b = Registration.builder().id(rs.getString(1)).url(rs.getString(2))
                            .asToken(rs.getString(3)).hsToken(rs.getString(4)).senderLocalpart(rs.getString(5))
                            .namespaces(Json.read(utf8(rs.getString(6)), Namespaces.class));
                    String extra = rs.getString(7);
                    if (extra != null) {
                        readExtra(b, Json.tree(utf8(extra)));
                    }
                    return b.build();
                }));
    }

    private static void readExtra(Registration.Builder b, JsonNode extra) {
        if (extra.path("rate_limited").isBoolean()) {
            b.rateLimited(extra.get("rate_limited").asBoolean());
        }
        if (extra.path("receive_ephemeral").isBoolean()) {
            b.receiveEphemeral(extra.get("receive_ephemeral").asBoolean());
        }
        List<String> protocols = new ArrayList<>();
        extra.path("protocols").forEach(p -> protocols.add(p.asText()));
        b.protocols(protocols);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    void put(Registration r) {
        ObjectNode extra = Json.object();
        if (r.rateLimited() != null) {
            extra.put("rate_limited", r.rateLimited());
        }
        if (r.receiveEphemeral() != null) {
            extra.put("receive_ephemeral", r.receiveEphemeral());
        }
        r.protocols().forEach(extra.putArray("protocols")::add);
        db.write(c -> Sql.update(c, "INSERT INTO appservices(id, url, as_token, hs_token, sender_localpart, namespaces,"
                + " extra, created_ts) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET url = excluded.url,"
                + " as_token = excluded.as_token, hs_token = excluded.hs_token,"
                + " sender_localpart = excluded.sender_localpart, namespaces = excluded.namespaces,"
                + " extra = excluded.extra", r.id(), r.url(), r.asToken(), r.hsToken(), r.senderLocalpart(),
                Json.writeString(r.namespaces()), Json.writeString(extra), System.currentTimeMillis()));
    }

    void delete(String id) {
        db.write(c -> Sql.update(c, "DELETE FROM appservices WHERE id = ?", id));
    }
}
