package app.rapport.domain.client;

/** What a client is: one person, a household (several people, one relationship) or a company. */
public enum ClientKind { PERSON, HOUSEHOLD, COMPANY }
