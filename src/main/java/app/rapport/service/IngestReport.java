package app.rapport.service;

import java.util.Map;

/**
 * What one ingest did.
 *
 * @param seen            messages or events offered
 * @param stored          interactions written (one message to two clients is two)
 * @param ignoredByReason messages that were not contact, per reason
 * @param clientsTouched  clients whose relationship was recomputed (or left to the caller to recompute)
 */
public record IngestReport(int seen, int stored, Map<String, Integer> ignoredByReason, int clientsTouched) {}
