package org.matrixas.bridge.irc.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordVaultTest {
    private static final String CONTEXT = "@alice:hs.org on irc.example.org";

    @TempDir
    Path dir;

    @Test
    void seal_thenOpen_roundTripsAnyText() {
        PasswordVault vault = new PasswordVault(dir);
        for (String password : new String[] {"s3cret", "pässwörd mit Leerzeichen", ":", "x".repeat(1000)}) {
            assertEquals(password, vault.open(vault.seal(password, CONTEXT), CONTEXT));
        }
    }

    @Test
    void seal_samePasswordTwice_freshIvAndDifferentCiphertext() {
        PasswordVault vault = new PasswordVault(dir);
        PasswordVault.Sealed a = vault.seal("s3cret", CONTEXT);
        PasswordVault.Sealed b = vault.seal("s3cret", CONTEXT);
        assertEquals(PasswordVault.IV_BYTES, a.iv().length);
        assertFalse(java.util.Arrays.equals(a.iv(), b.iv()));
        assertFalse(java.util.Arrays.equals(a.ciphertext(), b.ciphertext()));
        assertFalse(new String(a.ciphertext(), StandardCharsets.ISO_8859_1).contains("s3cret"));
    }

    @Test
    void seal_firstUse_createsOwnerOnly256BitKey() throws Exception {
        PasswordVault vault = new PasswordVault(dir.resolve("new"));
        assertFalse(Files.exists(vault.keyFile()), "no key before the first use");
        vault.seal("s3cret", CONTEXT);
        assertEquals(PasswordVault.KEY_BYTES, Files.readAllBytes(vault.keyFile()).length);
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(vault.keyFile()));
        try (var files = Files.list(vault.keyFile().getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void open_byAnotherVaultOnTheSameDir_usesTheStoredKey() {
        PasswordVault.Sealed sealed = new PasswordVault(dir).seal("s3cret", CONTEXT);
        assertEquals("s3cret", new PasswordVault(dir).open(sealed, CONTEXT));
    }

    @Test
    void open_otherContext_refusedWithoutThePassword() {
        PasswordVault vault = new PasswordVault(dir);
        PasswordVault.Sealed sealed = vault.seal("s3cret", CONTEXT);
        StoreException e = assertThrows(StoreException.class, () -> vault.open(sealed, "@mallory:hs.org on x"));
        assertTrue(e.getMessage().contains("not the key it was stored with"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));
    }

    @Test
    void open_tamperedCiphertext_refused() {
        PasswordVault vault = new PasswordVault(dir);
        PasswordVault.Sealed sealed = vault.seal("s3cret", CONTEXT);
        byte[] bad = sealed.ciphertext().clone();
        bad[0] ^= 1;
        assertThrows(StoreException.class, () -> vault.open(new PasswordVault.Sealed(sealed.iv(), bad), CONTEXT));
    }

    @Test
    void open_otherKey_refused() throws Exception {
        PasswordVault.Sealed sealed = new PasswordVault(dir).seal("s3cret", CONTEXT);
        Files.write(dir.resolve(PasswordVault.KEY_FILE), new byte[PasswordVault.KEY_BYTES]);
        assertThrows(StoreException.class, () -> new PasswordVault(dir).open(sealed, CONTEXT));
    }

    @Test
    void open_missingKey_clearErrorAndNoKeyCreated() {
        PasswordVault.Sealed sealed = new PasswordVault(dir).seal("s3cret", CONTEXT);
        Path other = dir.resolve("elsewhere");
        StoreException e = assertThrows(StoreException.class, () -> new PasswordVault(other).open(sealed, CONTEXT));
        assertTrue(e.getMessage().contains("is missing"), e.getMessage());
        assertFalse(Files.exists(other.resolve(PasswordVault.KEY_FILE)));
    }

    @Test
    void key_wrongLength_clearError() throws Exception {
        Files.writeString(dir.resolve(PasswordVault.KEY_FILE), "not a key");
        StoreException e = assertThrows(StoreException.class, () -> new PasswordVault(dir).seal("x", CONTEXT));
        assertTrue(e.getMessage().contains("expected 32"), e.getMessage());
    }

    @Test
    void key_unreadable_clearErrorNamingTheFile() throws Exception {
        // A folder where the key file belongs cannot be read as a file by anyone, root included (a file with no
        // permissions can: the tests may run as root).
        Path key = dir.resolve(PasswordVault.KEY_FILE);
        Files.createDirectory(key);
        StoreException e = assertThrows(StoreException.class, () -> new PasswordVault(dir).seal("x", CONTEXT));
        assertTrue(e.getMessage().startsWith("cannot read the password key " + key), e.getMessage());
    }

    @Test
    void key_existing_isReusedNotReplaced() throws Exception {
        byte[] fixed = new byte[PasswordVault.KEY_BYTES];
        fixed[0] = 7;
        Files.write(dir.resolve(PasswordVault.KEY_FILE), fixed);
        new PasswordVault(dir).seal("x", CONTEXT);
        assertArrayEquals(fixed, Files.readAllBytes(dir.resolve(PasswordVault.KEY_FILE)));
    }
}
