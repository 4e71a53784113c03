package app.rapport.service;

import app.rapport.domain.client.Client;
import app.rapport.domain.interaction.Interaction;
import app.rapport.domain.relationship.Relationship;
import java.util.List;

/** Read models returned by {@link ClientService}. */
public final class ClientView {
    private ClientView() {}

    /** A client with its relationship. */
    public record Summary(Client client, Relationship relationship) {}

    /** One page of a list; {@code page} counts from 1. */
    public record Page(List<Summary> items, int total, int page, int size) {}

    /** A client, its relationship and its most recent interactions, newest first. */
    public record Detail(Client client, Relationship relationship, List<Interaction> timeline) {}
}
