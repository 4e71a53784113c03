package app.rapport.config;

/**
 * What is kept of each message and meeting.
 *
 * @param storeSubjects keep mail subjects and meeting titles (bodies are never stored)
 */
public record PrivacyConfig(boolean storeSubjects) {}
