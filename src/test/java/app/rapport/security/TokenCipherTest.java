package app.rapport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCipherTest {
    @TempDir
    Path dir;

    @Test
    void sealedTokensOpenOnlyWithTheSameKeyAndBinding() {
        Path key = dir.resolve("keys/token-key.json");
        TokenCipher cipher = new TokenCipher(key);
        String sealed = cipher.seal("refresh-token-value", "account:1");
        assertThat(sealed).doesNotContain("refresh-token-value");
        assertThat(cipher.open(sealed, "account:1")).isEqualTo("refresh-token-value");
        assertThat(cipher.seal("refresh-token-value", "account:1")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> cipher.open(sealed, "account:2")).isInstanceOf(TokenCipher.SealException.class)
                .hasMessageContaining("reconnect");
        assertThat(new TokenCipher(key).open(sealed, "account:1")).as("the key file is reused").isEqualTo("refresh-token-value");
        assertThatThrownBy(() -> new TokenCipher(dir.resolve("other.json")).open(sealed, "account:1"))
                .isInstanceOf(TokenCipher.SealException.class);
    }

    @Test
    void theKeyFileIsCreatedOnFirstUseReadableOnlyByItsOwner() throws Exception {
        Path key = dir.resolve("token-key.json");
        TokenCipher cipher = new TokenCipher(key);
        assertThat(key).doesNotExist();
        cipher.seal("x", "y");
        assertThat(key).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.list(dir)).as("no temporary file left").containsExactly(key);
    }

    @Test
    void processesStartingTogetherAgreeOnOneKey() throws Exception {
        Path key = dir.resolve("token-key.json");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> sealers = new ArrayList<>();
            for (int i = 0; i < 8; i++) sealers.add(() -> new TokenCipher(key).seal("secret", "b"));
            List<String> sealed = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(sealers)) sealed.add(f.get());
            TokenCipher reader = new TokenCipher(key);
            for (String s : sealed) assertThat(reader.open(s, "b")).isEqualTo("secret");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aKeyFileThatIsNotAKeysetIsAClearError() throws Exception {
        Path key = dir.resolve("token-key.json");
        Files.writeString(key, "not a keyset");
        assertThatThrownBy(() -> new TokenCipher(key).seal("x", "y")).hasMessageContaining(key.toString());
    }
}
