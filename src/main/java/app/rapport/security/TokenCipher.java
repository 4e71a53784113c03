package app.rapport.security;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Seals OAuth tokens with AES-256-GCM (Tink) under a key kept in a file outside the database. Each
 * sealed value is bound to what it belongs to (the associated data, e.g. "account:42"), so a
 * ciphertext copied onto another row does not open.
 *
 * <p>The key file is read, or created with owner-only permissions, on first use, so a server that
 * never connects an account never writes it.
 */
public final class TokenCipher {
    private final Path keyFile;
    private volatile Aead aead;

    public TokenCipher(Path keyFile) {
        this.keyFile = keyFile;
    }

    /** Base64 of the ciphertext of {@code plaintext}, bound to {@code boundTo}. */
    public String seal(String plaintext, String boundTo) {
        try {
            byte[] sealed = aead().encrypt(plaintext.getBytes(StandardCharsets.UTF_8), boundTo.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new SealException("cannot encrypt with the key in " + keyFile, e);
        }
    }

    /** The plaintext of a value from {@link #seal}; fails when the key or the binding differs. */
    public String open(String sealed, String boundTo) {
        try {
            byte[] plain = aead().decrypt(Base64.getDecoder().decode(sealed), boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SealException("a stored token does not open with the key in " + keyFile
                    + " (was the key file replaced?); reconnect the account", e);
        }
    }

    private Aead aead() {
        Aead current = aead;
        if (current != null) return current;
        synchronized (this) {
            if (aead == null) aead = load();
            return aead;
        }
    }

    private Aead load() {
        try {
            AeadConfig.register();
            KeysetHandle keys = Files.exists(keyFile) ? read() : createOrRead();
            return keys.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new SealException("the token key file " + keyFile + " is not a valid Tink AES-GCM keyset", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token key file " + keyFile, e);
        }
    }

    private KeysetHandle read() throws IOException, GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keyFile), InsecureSecretKeyAccess.get());
    }

    /** Writes a new key unless another process got there first, in which case its key is used. */
    private KeysetHandle createOrRead() throws IOException, GeneralSecurityException {
        KeysetHandle fresh = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(fresh, InsecureSecretKeyAccess.get());
        Path dir = keyFile.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        // Written whole to a private temporary file, then linked into place: a reader never sees
        // half a key, and of two processes starting at once exactly one key wins.
        Path temp = Files.createTempFile(dir, ".token-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file inherits the folder's ACL; the README asks to restrict it.
            }
            Files.writeString(temp, json, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
            try {
                Files.createLink(keyFile, temp);
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(temp, keyFile);
            }
        } catch (FileAlreadyExistsException raced) {
            return read();
        } finally {
            Files.deleteIfExists(temp);
        }
        return fresh;
    }

    /** A token could not be sealed or opened. */
    public static final class SealException extends RuntimeException {
        SealException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
