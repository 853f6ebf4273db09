package org.matrixas.protocol.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.matrixas.protocol.json.Json;

class MxcUriTest {
    @Test
    void parse_valid_serverAndMediaId() {
        MxcUri m = MxcUri.parse("mxc://example.org:8448/AbC_12-x");
        assertEquals("example.org:8448", m.server());
        assertEquals("AbC_12-x", m.mediaId());
        assertEquals("mxc://example.org:8448/AbC_12-x", m.toString());
        assertEquals(m, MxcUri.of("example.org:8448", "AbC_12-x"));
    }

    @Test
    void parse_invalid_namedError() {
        for (String bad : new String[] {"http://a/b", "mxc://a", "mxc://a/", "mxc://a/../etc", "mxc://a/b/c",
                "mxc://bad server/x", "mxc://a/x%2F", "mxc:///x"}) {
            InvalidIdException e = assertThrows(InvalidIdException.class, () -> MxcUri.parse(bad), bad);
            assertEquals("content URI", e.kind());
        }
    }

    @Test
    void isMediaId_onlySafeCharacters() {
        assertTrue(MxcUri.isMediaId("abc-DEF_123"));
        assertFalse(MxcUri.isMediaId(".."));
        assertFalse(MxcUri.isMediaId("a/b"));
        assertFalse(MxcUri.isMediaId("a\\b"));
        assertFalse(MxcUri.isMediaId(""));
        assertFalse(MxcUri.isMediaId("x".repeat(256)));
    }

    @Test
    void json_roundTripAsString() {
        MxcUri m = MxcUri.parse("mxc://hs/id1");
        assertEquals("\"mxc://hs/id1\"", new String(Json.write(m), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(m, Json.mapper().convertValue("mxc://hs/id1", MxcUri.class));
    }
}
