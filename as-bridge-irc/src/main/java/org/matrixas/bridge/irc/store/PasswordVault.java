package org.matrixas.bridge.irc.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts passwords with AES-256-GCM: a fresh random 12-byte IV per value, a 128-bit tag, and the row's identity
 * as associated data, so a ciphertext copied onto another user's row does not decrypt. The key is 32 random bytes
 * in {@code <data_dir>/passwords.key}, made on first use readable by the bridge's user only (the database alone
 * reveals no password; keep the key file out of database backups). Nothing here ever logs a password or the key.
 */
final class PasswordVault {
    static final String KEY_FILE = "passwords.key";
    static final int KEY_BYTES = 32;
    static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Logger LOG = LoggerFactory.getLogger(PasswordVault.class);
    private static final Set<PosixFilePermission> SHARED = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
    private final Path keyFile;
    private final SecureRandom random = new SecureRandom();
    private SecretKey key;

    /** A sealed value: the IV and the ciphertext with its tag. */
    record Sealed(byte[] iv, byte[] ciphertext) {
    }

    PasswordVault(Path dataDir) {
        this.keyFile = dataDir.resolve(KEY_FILE);
    }

    Path keyFile() {
        return keyFile;
    }

    /** Encrypts {@code plaintext} bound to {@code context} (e.g. network and user); creates the key if needed. */
    Sealed seal(String plaintext, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, key(true), iv, context);
            return new Sealed(iv, c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new StoreException("cannot encrypt a password (AES-GCM unavailable?)", e);
        }
    }

    /** Decrypts a value sealed with {@code context}. */
    String open(Sealed sealed, String context) {
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, key(false), sealed.iv(), context);
            return new String(c.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new StoreException("cannot decrypt the stored password of " + context + ": " + keyFile
                    + " is not the key it was stored with (or the row was altered); store the password again", e);
        } catch (GeneralSecurityException e) {
            throw new StoreException("cannot decrypt the stored password of " + context, e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv, String context)
            throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return c;
    }

    private synchronized SecretKey key(boolean create) {
        if (key == null) {
            key = new SecretKeySpec(Files.exists(keyFile) || !create ? read() : createKey(), "AES");
        }
        return key;
    }

    private byte[] read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(keyFile);
        } catch (NoSuchFileException e) {
            throw new StoreException("the password key " + keyFile + " is missing, so stored passwords cannot be"
                    + " decrypted; restore it, or store the passwords again with !storepass", e);
        } catch (AccessDeniedException e) {
            throw new StoreException("cannot read the password key " + keyFile + ": permission denied; it must be"
                    + " readable by the user the bridge runs as (and by no one else)", e);
        } catch (IOException e) {
            throw new StoreException("cannot read the password key " + keyFile + ": " + e.getMessage(), e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new StoreException("the password key " + keyFile + " has " + bytes.length + " bytes, expected "
                    + KEY_BYTES + "; it is not a key the bridge made (restore the original file)", null);
        }
        warnIfShared();
        return bytes;
    }

    private void warnIfShared() {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(keyFile);
            if (perms.stream().anyMatch(SHARED::contains)) {
                LOG.warn("the password key {} can be read or written by other users ({}); make it owner-only"
                        + " (chmod 600)", keyFile, perms);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // No POSIX permissions on this file system: nothing to check.
        }
    }

    /** Writes a new key to a temporary owner-only file and moves it into place, so no half-written key exists. */
    private byte[] createKey() {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        Path dir = keyFile.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            // createTempFile makes the file readable and writable by its owner only on POSIX file systems.
            Path tmp = Files.createTempFile(dir, KEY_FILE, ".tmp");
            try {
                Files.write(tmp, bytes);
                restrictOnOtherFileSystems(tmp);
                Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the password key " + keyFile + ": " + e.getMessage(), e);
        }
        LOG.info("created the password key {} (owner-only); keep it with the database, out of its backups",
                keyFile);
        return bytes;
    }

    private static void restrictOnOtherFileSystems(Path file) {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            java.io.File f = file.toFile();
            f.setReadable(false, false);
            f.setWritable(false, false);
            f.setReadable(true, true);
            f.setWritable(true, true);
        }
    }
}
