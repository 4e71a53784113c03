package app.rapport.config;

/**
 * The demo book of business.
 *
 * @param load whether to load it on first start (when the database is empty)
 * @param seed seed for the generated data; the same seed gives the same data
 */
public record DemoConfig(boolean load, long seed) {}
