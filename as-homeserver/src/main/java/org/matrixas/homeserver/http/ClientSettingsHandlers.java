package org.matrixas.homeserver.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.matrixas.protocol.json.Json;

/** What clients ask for before their first sync: capabilities and push rules (fixed: nothing is pushed). */
final class ClientSettingsHandlers {
    void register(Router r) {
        r.client("GET", "/capabilities", Router.Auth.USER, c -> capabilities());
        r.client("GET", "/pushrules/", Router.Auth.USER, c -> pushRules());
        r.client("GET", "/pushrules", Router.Auth.USER, c -> pushRules());
    }

    private static Object capabilities() {
        ObjectNode out = Json.object();
        ObjectNode caps = out.putObject("capabilities");
        caps.putObject("m.change_password").put("enabled", false);
        ObjectNode versions = caps.putObject("m.room_versions").put("default", "10");
        versions.putObject("available").put("10", "stable");
        caps.putObject("m.set_displayname").put("enabled", true);
        caps.putObject("m.set_avatar_url").put("enabled", true);
        caps.putObject("m.3pid_changes").put("enabled", false);
        return out;
    }

    /** An empty rule set: this homeserver has no push gateway, so there is nothing for rules to decide. */
    private static Object pushRules() {
        ObjectNode out = Json.object();
        ObjectNode global = out.putObject("global");
        for (String kind : new String[] {"override", "content", "room", "sender", "underride"}) {
            global.putArray(kind);
        }
        return out;
    }
}
