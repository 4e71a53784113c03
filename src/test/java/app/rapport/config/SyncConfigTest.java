package app.rapport.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyncConfigTest {
    @Test
    void pushIsAutomaticOnlyForAnHttpsPublicAddress() {
        assertThat(new SyncConfig(24, 5, "auto", 6).pushTo("https://rapport.example.com")).isTrue();
        assertThat(new SyncConfig(24, 5, "auto", 6).pushTo("http://localhost:7070")).isFalse();
        assertThat(new SyncConfig(24, 5, "on", 6).pushTo("http://127.0.0.1:7070")).isTrue();
        assertThat(new SyncConfig(24, 5, "off", 6).pushTo("https://rapport.example.com")).isFalse();
    }
}
