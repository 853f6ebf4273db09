package org.matrixas.homeserver.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.matrixas.homeserver.store.Database;
import org.matrixas.homeserver.store.Sql;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

/**
 * Sync filters ({@code POST /user/{userId}/filter}): stored per user and returned unchanged. {@code /sync} applies
 * only {@code room.timeline.limit}; every other key is accepted and ignored.
 */
public final class Filters {
    private final Database db;

    public Filters(Database db) {
        this.db = db;
    }

    public String create(UserId user, ObjectNode filter) {
        long id = db.write(c -> Sql.insert(c, "INSERT INTO filters(user_id, json) VALUES (?,?)", user.toString(),
                Json.writeString(filter)));
        return Long.toString(id);
    }

    public Optional<ObjectNode> get(UserId user, String filterId) {
        if (!filterId.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return db.read(c -> Sql.one(c, "SELECT json FROM filters WHERE filter_id = ? AND user_id = ?",
                rs -> (ObjectNode) Json.tree(rs.getString(1).getBytes(StandardCharsets.UTF_8)),
                Long.parseLong(filterId), user.toString()));
    }

    /**
     * The filter a {@code /sync?filter=} names: inline JSON (starts with {@code {}) or a stored filter's ID.
     *
     * @throws org.matrixas.protocol.error.MatrixException 400 {@code M_NOT_JSON}/{@code M_BAD_JSON} for bad
     *                                                     inline JSON, 404 for an unknown ID
     */
    public ObjectNode resolve(UserId user, String filterParam) {
        if (filterParam.startsWith("{")) {
            JsonNode inline;
            try {
                inline = Json.mapper().readTree(filterParam);
            } catch (java.io.IOException e) {
                throw MatrixError.M_NOT_JSON.withMessage("filter is not valid JSON").toException();
            }
            if (!(inline instanceof ObjectNode o)) {
                throw MatrixError.M_BAD_JSON.withMessage("filter must be a JSON object").toException();
            }
            return o;
        }
        return get(user, filterParam).orElseThrow(() -> MatrixError.M_NOT_FOUND
                .withMessage("no filter " + filterParam).toException());
    }

    /** {@code room.timeline.limit} of a filter, if it sets a positive one. */
    public static Optional<Integer> timelineLimit(ObjectNode filter) {
        JsonNode limit = filter.path("room").path("timeline").path("limit");
        return limit.canConvertToInt() && limit.asInt() > 0 ? Optional.of(limit.asInt()) : Optional.empty();
    }
}
