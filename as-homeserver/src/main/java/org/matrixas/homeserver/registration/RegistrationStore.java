package org.matrixas.homeserver.registration;

import java.util.List;
import org.matrixas.homeserver.store.Database;
import org.matrixas.homeserver.store.Sql;
import org.matrixas.protocol.json.Json;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.Registration;

/** Registrations made through the draft API, kept so that they survive restarts. */
final class RegistrationStore {
    private final Database db;

    RegistrationStore(Database db) {
        this.db = db;
    }

    List<Registration> all() {
        return db.read(c -> Sql.list(c, "SELECT id, url, as_token, hs_token, sender_localpart, namespaces "
                + "FROM appservices ORDER BY created_ts, id", rs -> Registration.builder()
                .id(rs.getString(1)).url(rs.getString(2)).asToken(rs.getString(3)).hsToken(rs.getString(4))
                .senderLocalpart(rs.getString(5))
                .namespaces(Json.read(rs.getString(6).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        Namespaces.class))
                .build()));
    }

    void put(Registration r) {
        db.write(c -> Sql.update(c, "INSERT INTO appservices(id, url, as_token, hs_token, sender_localpart, namespaces,"
                + " created_ts) VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET url = excluded.url,"
                + " as_token = excluded.as_token, hs_token = excluded.hs_token,"
                + " sender_localpart = excluded.sender_localpart, namespaces = excluded.namespaces",
                r.id(), r.url(), r.asToken(), r.hsToken(), r.senderLocalpart(), Json.writeString(r.namespaces()),
                System.currentTimeMillis()));
    }

    void delete(String id) {
        db.write(c -> Sql.update(c, "DELETE FROM appservices WHERE id = ?", id));
    }
}
