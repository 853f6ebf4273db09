package org.matrixas.homeserver.http;

import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.json.Json;

/** The room directory: create, resolve (asking the owning service about unknown aliases) and delete aliases. */
final class DirectoryHandlers {
    private final Services s;

    DirectoryHandlers(Services services) {
        this.s = services;
    }

    void register(Router r) {
        r.client("PUT", "/directory/room/{alias}", Router.Auth.USER, this::putAlias);
        r.client("GET", "/directory/room/{alias}", Router.Auth.NONE, this::getAlias);
        r.client("DELETE", "/directory/room/{alias}", Router.Auth.USER, this::deleteAlias);
    }

    private Object putAlias(Call c) {
        Requester r = c.requester();
        RoomAlias alias = c.alias("alias");
        RoomId room = RoomId.parse(c.string("room_id"));
        s.registry().checkAliasChange(alias, r.serviceOrNull());
        s.aliases().create(alias, room, r.user());
        return Json.object();
    }

    private Object getAlias(Call c) {
        RoomAlias alias = c.alias("alias");
        RoomId room = s.queries().resolveAlias(alias).orElseThrow(() -> MatrixError.M_NOT_FOUND
                .withMessage("room alias " + alias + " not found").toException());
        var out = Json.object().put("room_id", room.toString());
        out.putArray("servers").add(s.serverName());
        return out;
    }

    private Object deleteAlias(Call c) {
        Requester r = c.requester();
        RoomAlias alias = c.alias("alias");
        s.registry().checkAliasChange(alias, r.serviceOrNull());
        var creator = s.aliases().creator(alias).orElseThrow(() -> MatrixError.M_NOT_FOUND
                .withMessage("room alias " + alias + " not found").toException());
        if (!r.isAppService() && !creator.equals(r.user())) {
            throw MatrixError.M_FORBIDDEN.withMessage("only the creator of " + alias + " may delete it").toException();
        }
        s.aliases().delete(alias);
        return Json.object();
    }
}
