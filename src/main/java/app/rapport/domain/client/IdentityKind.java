package app.rapport.domain.client;

/** An identity is either one mail address or a whole company domain. */
public enum IdentityKind { EMAIL, DOMAIN }
