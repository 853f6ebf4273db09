package org.matrixas.homeserver.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);

    @Test
    void hash_samePasswordTwice_differentSaltsBothVerify() {
        String a = hasher.hash("correct horse");
        String b = hasher.hash("correct horse");
        assertNotEquals(a, b);
        assertTrue(a.startsWith("pbkdf2-sha256$100000$"));
        assertTrue(hasher.verify("correct horse", a));
        assertTrue(hasher.verify("correct horse", b));
    }

    @Test
    void verify_wrongPasswordOrNoHash_false() {
        String h = hasher.hash("secret");
        assertFalse(hasher.verify("Secret", h));
        assertFalse(hasher.verify("secret", null));
        assertFalse(hasher.verify("secret", "md5$garbage"));
    }

    @Test
    void constructor_tooFewIterations_refused() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(1000));
    }
}
