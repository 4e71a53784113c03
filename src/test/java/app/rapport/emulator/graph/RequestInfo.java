package app.rapport.emulator.graph;

/** A Graph request as fault predicates see it: method, decoded path under /v1.0, mailbox address (null before auth) and route kind. */
public record RequestInfo(String method, String path, String mailbox, String routeKind) {}
