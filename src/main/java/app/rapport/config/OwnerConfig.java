package app.rapport.config;

import java.time.ZoneId;

/**
 * The local owner, created at first start.
 *
 * @param name     display name
 * @param email    mail address
 * @param timeZone the owner's time zone, for working hours and dates shown
 */
public record OwnerConfig(String name, String email, ZoneId timeZone) {}
