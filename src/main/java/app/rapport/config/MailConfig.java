package app.rapport.config;

/** Outgoing mail. */
public record MailConfig(SmtpConfig smtp) {}
