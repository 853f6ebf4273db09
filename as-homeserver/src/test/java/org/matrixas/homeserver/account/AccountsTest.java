package org.matrixas.homeserver.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
