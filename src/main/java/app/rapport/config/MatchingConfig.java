package app.rapport.config;

import java.util.List;

/**
 * Address-to-client matching.
 *
 * @param freeMailDomains domains never taken as a client's company domain; lower case, without "@",
 *                        no duplicates, in the configured order
 */
public record MatchingConfig(List<String> freeMailDomains) {
    public MatchingConfig {
        freeMailDomains = List.copyOf(freeMailDomains);
    }
}
