package app.rapport.config;

import java.nio.file.Path;

/**
 * Secrets Rapport keeps itself.
 *
 * @param tokenKeyFile the AES-GCM key that seals OAuth tokens in the database; created on first use.
 *                     It lives outside the database so that a copy of the database alone reveals no token.
 */
public record SecurityConfig(Path tokenKeyFile) {}
