package app.rapport.config;

/** The mail and calendar providers Rapport can connect to. */
public record ProvidersConfig(MicrosoftConfig microsoft, GoogleConfig google) {}
