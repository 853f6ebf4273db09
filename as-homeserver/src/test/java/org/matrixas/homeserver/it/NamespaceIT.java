package org.matrixas.homeserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.Homeserver;
import org.matrixas.homeserver.config.ConfigException;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.client.Session;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.Registration;
import org.matrixas.protocol.registration.RegistrationFiles;

/** Registration files, exclusivity in both directions and the limits of identity assertion. */
class NamespaceIT {
    private static final String AS_TOKEN = "file-as-token";
    @TempDir
    Path dir;
    private Path registrationFile;

    @BeforeEach
    void writeRegistration() throws Exception {
        registrationFile = dir.resolve("irc.yaml");
        RegistrationFiles.write(Registration.builder().id("irc").url(null).asToken(AS_TOKEN).hsToken("file-hs-token")
                .senderLocalpart("ircbot")
                .namespaces(new Namespaces(List.of(Namespace.exclusive("@irc_.*:localhost")),
                        List.of(Namespace.exclusive("#irc_.*:localhost")), List.of()))
                .build(), registrationFile);
    }

    private Homeserver start() {
        return Homeserver.start(TestServers.config(dir.resolve("data")).addAppServiceConfigFile(registrationFile)
                .build());
    }

    @Test
    void start_registrationFile_senderUserExistsAndActsAsDefault() {
        try (Homeserver hs = start()) {
            HomeserverClient as = HomeserverClient.create(hs.baseUrl(), AS_TOKEN);
            assertEquals(UserId.parse("@ircbot:localhost"), as.whoami());
        }
    }

    @Test
    void start_duplicateAsToken_configErrorNamesFileAndKey() throws Exception {
        Path copy = dir.resolve("copy.yaml");
        Files.writeString(copy, Files.readString(registrationFile).replace("id: irc", "id: other"));
        ConfigException e = assertThrows(ConfigException.class, () -> Homeserver.start(
                TestServers.config(dir.resolve("data")).addAppServiceConfigFile(registrationFile)
                        .addAppServiceConfigFile(copy).build()));
        assertTrue(e.getMessage().contains("copy.yaml") && e.getMessage().contains("'as_token'"), e.getMessage());
    }

    @Test
    void start_registrationFileMissingKey_configErrorNamesFileAndKey() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "id: x\nurl: http://127.0.0.1:1\nhs_token: h\nsender_localpart: bot\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Homeserver.start(
                TestServers.config(dir.resolve("data")).addAppServiceConfigFile(bad).build()));
        assertTrue(e.getMessage().contains("bad.yaml") && e.getMessage().contains("as_token"), e.getMessage());
    }

    @Test
    void register_humanInsideExclusiveNamespace_exclusive() {
        try (Homeserver hs = start()) {
            MatrixException e = assertThrows(MatrixException.class,
                    () -> HomeserverClient.anonymous(hs.baseUrl()).registerUser("irc_mallory", "password1"));
            assertEquals("M_EXCLUSIVE", e.errcode());
            assertEquals(400, e.httpStatus());
        }
    }

    @Test
    void register_serviceOutsideItsNamespace_exclusive() {
        try (Homeserver hs = start()) {
            HomeserverClient as = HomeserverClient.create(hs.baseUrl(), AS_TOKEN);
            MatrixException e = assertThrows(MatrixException.class, () -> as.registerAppServiceUser("alice"));
            assertEquals("M_EXCLUSIVE", e.errcode());
            assertEquals(UserId.parse("@irc_bob:localhost"), as.registerAppServiceUser("irc_bob"));
        }
    }

    @Test
    void alias_humanInsideExclusive_exclusiveAndServiceOutside_exclusive() {
        try (Homeserver hs = start()) {
            Session alice = HomeserverClient.anonymous(hs.baseUrl()).registerUser("alice", "password1");
            HomeserverClient human = HomeserverClient.create(hs.baseUrl(), alice.accessToken());
            MatrixException e1 = assertThrows(MatrixException.class,
                    () -> human.createRoom(CreateRoomRequest.named("x").withAliasName("irc_chan")));
            assertEquals("M_EXCLUSIVE", e1.errcode());
            RoomId room = human.createRoom(CreateRoomRequest.named("x").withAliasName("alices"));
            MatrixException e2 = assertThrows(MatrixException.class,
                    () -> human.putAlias(RoomAlias.parse("#irc_x:localhost"), room));
            assertEquals("M_EXCLUSIVE", e2.errcode());

            HomeserverClient as = HomeserverClient.create(hs.baseUrl(), AS_TOKEN);
            RoomId asRoom = as.createRoom(CreateRoomRequest.named("bridged").withAliasName("irc_chan"));
            MatrixException e3 = assertThrows(MatrixException.class,
                    () -> as.putAlias(RoomAlias.parse("#plain:localhost"), asRoom));
            assertEquals("M_EXCLUSIVE", e3.errcode());
            assertEquals(asRoom, human.resolveAlias(RoomAlias.parse("#irc_chan:localhost")).orElseThrow());
        }
    }

    @Test
    void assertIdentity_namespaceUserAndSender_allowedOthersForbidden() {
        try (Homeserver hs = start()) {
            HomeserverClient anon = HomeserverClient.anonymous(hs.baseUrl());
            anon.registerUser("alice", "password1");
            HomeserverClient as = HomeserverClient.create(hs.baseUrl(), AS_TOKEN);
            UserId bob = as.registerAppServiceUser("irc_bob");
            assertEquals(bob, as.as(bob).whoami());
            assertEquals(UserId.parse("@ircbot:localhost"), as.as(UserId.parse("@ircbot:localhost")).whoami());
            MatrixException e = assertThrows(MatrixException.class, () -> as.as(UserId.parse("@alice:localhost"))
                    .whoami());
            assertEquals(403, e.httpStatus());
            assertEquals("M_FORBIDDEN", e.errcode());
        }
    }

    @Test
    void massageTs_onlyForServices() {
        try (Homeserver hs = start()) {
            HomeserverClient as = HomeserverClient.create(hs.baseUrl(), AS_TOKEN);
            RoomId room = as.createRoom(CreateRoomRequest.named("ts").withPreset("public_chat"));
            as.send(room, "m.room.message", org.matrixas.protocol.json.Json.object().put("body", "old"), 1234L);
            Session alice = HomeserverClient.anonymous(hs.baseUrl()).registerUser("alice", "password1");
            HomeserverClient human = HomeserverClient.create(hs.baseUrl(), alice.accessToken());
            human.join(room.toString());
            human.send(room, "m.room.message", org.matrixas.protocol.json.Json.object().put("body", "new"), 1234L);
            var sync = human.sync(null, java.time.Duration.ZERO).joined().get(room).timeline();
            long oldTs = sync.stream().filter(e -> e.contentString("body").orElse("").equals("old")).findFirst()
                    .orElseThrow().originServerTs();
            long newTs = sync.stream().filter(e -> e.contentString("body").orElse("").equals("new")).findFirst()
                    .orElseThrow().originServerTs();
            assertEquals(1234L, oldTs);
            assertTrue(newTs > 1234L);
        }
    }
}
