package app.rapport.domain.user;

import java.time.ZoneId;

/** One advisor: owns clients, accounts and suggestions, and sees nothing of other users. */
public record User(long id, String name, String email, ZoneId timeZone) {}
