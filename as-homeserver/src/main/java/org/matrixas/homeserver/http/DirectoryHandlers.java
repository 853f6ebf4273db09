package org.matrixas.homeserver.http;

import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.json.Json;

/**
 * The room directory: create, resolve (asking the owning service about unknown aliases) and delete aliases, and a
 * room's visibility in the public room directory.
 */
final class DirectoryHandlers {
    private final Services s;

    DirectoryHandlers(Services services) {
        this.s = services;
    }

    void register(Router r) {
        r.client("PUT", "/directory/room/{alias}", Router.Auth.USER, this::putAlias);
        r.client("GET", "/directory/room/{alias}", Router.Auth.NONE, this::getAlias);
        r.client("DELETE", "/directory/room/{alias}", Router.Auth.USER, this::deleteAlias);
        r.client("PUT", "/directory/list/room/{roomId}", Router.Auth.USER, this::putVisibility);
        r.client("GET", "/directory/list/room/{roomId}", Router.Auth.NONE, this::getVisibility);
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

    private Object putVisibility(Call c) {
        RoomId room = c.roomId("roomId");
        String visibility = c.string("visibility");
        if (!visibility.equals("public") && !visibility.equals("private")) {
            throw MatrixError.M_INVALID_PARAM.withMessage("visibility must be 'public' or 'private'").toException();
        }
        s.aliases().setPublished(room, c.requester().user(), visibility.equals("public"));
        return Json.object();
    }

    private Object getVisibility(Call c) {
        return Json.object().put("visibility", s.aliases().isPublished(c.roomId("roomId")) ? "public" : "private");
    }
}
