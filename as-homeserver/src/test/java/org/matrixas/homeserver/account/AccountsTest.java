package org.matrixas.homeserver.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.store.Database;
import org.matrixas.homeserver.store.Sql;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.UserId;

class AccountsTest {
    @TempDir
    Path dir;

    @Test
    void create_thenLoginAndToken_roundTrip() {
        try (Database db = Database.open(dir)) {
            Accounts accounts = new Accounts(db, "hs", PasswordHasher.MIN_ITERATIONS);
            UserId alice = UserId.parse("@alice:hs");
            accounts.create(alice, "pw", null);
            assertTrue(accounts.checkPassword(alice, "pw").isPresent());
            assertTrue(accounts.checkPassword(alice, "nope").isEmpty());
            LoginGrant g = accounts.issueToken(alice, null);
            assertEquals(alice, accounts.tokenOwner(g.accessToken()).orElseThrow().userId());
            assertTrue(accounts.tokenOwner("mas_unknown").isEmpty());
            long clear = db.read(c -> Sql.longValue(c, "SELECT COUNT(*) FROM access_tokens WHERE token_hash = ?", 0,
                    g.accessToken()));
            assertEquals(0, clear, "tokens are stored as digests");
        }
    }

    @Test
    void issueToken_withLifetime_expiresThenRevokeAllDeletes() {
        MutableClock clock = new MutableClock();
        try (Database db = Database.open(dir)) {
            Accounts accounts = new Accounts(db, "hs", PasswordHasher.MIN_ITERATIONS, Duration.ofMinutes(5), clock);
            UserId alice = UserId.parse("@alice:hs");
            accounts.create(alice, "pw", null);
            LoginGrant a = accounts.issueToken(alice, null);
            LoginGrant b = accounts.issueToken(alice, "DEV2");
            assertEquals(Duration.ofMinutes(5), a.lifetime());
            clock.now += Duration.ofMinutes(5).toMillis() - 1;
            assertFalse(accounts.tokenOwner(a.accessToken()).orElseThrow().expired());
            clock.now += 1;
            TokenOwner expired = accounts.tokenOwner(a.accessToken()).orElseThrow();
            assertTrue(expired.expired(), "expired at the lifetime, and still known (soft logout)");
            assertEquals(2, accounts.revokeAllTokens(alice));
            assertTrue(accounts.tokenOwner(a.accessToken()).isEmpty());
            assertTrue(accounts.tokenOwner(b.accessToken()).isEmpty());
        }
    }

    @Test
    void issueToken_noLifetime_neverExpires() {
        MutableClock clock = new MutableClock();
        try (Database db = Database.open(dir)) {
            Accounts accounts = new Accounts(db, "hs", PasswordHasher.MIN_ITERATIONS, Duration.ZERO, clock);
            LoginGrant g = accounts.issueToken(UserId.parse("@bob:hs"), null);
            assertEquals(Duration.ZERO, g.lifetime());
            clock.now += Duration.ofDays(3650).toMillis();
            assertFalse(accounts.tokenOwner(g.accessToken()).orElseThrow().expired());
        }
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        long now = 1_700_000_000_000L;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }
    }

    @Test
    void create_taken_userInUse() {
        try (Database db = Database.open(dir)) {
            Accounts accounts = new Accounts(db, "hs", PasswordHasher.MIN_ITERATIONS);
            accounts.create(UserId.parse("@bob:hs"), null, "as1");
            MatrixException e = assertThrows(MatrixException.class, () -> accounts.create(UserId.parse("@bob:hs"), "x",
                    null));
            assertEquals("M_USER_IN_USE", e.errcode());
            assertFalse(accounts.ensure(UserId.parse("@bob:hs"), "as1"));
            assertThrows(MatrixException.class, () -> accounts.create(UserId.parse("@bob:other"), null, null));
        }
    }
}
