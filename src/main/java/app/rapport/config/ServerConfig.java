package app.rapport.config;

/**
 * The web server.
 *
 * @param host      address to bind, e.g. 0.0.0.0 or 127.0.0.1
 * @param port      TCP port 1..65535, or 0 for any free port
 * @param publicUrl the http(s) address users and providers reach the server at, without a trailing slash
 */
public record ServerConfig(String host, int port, String publicUrl) {}
