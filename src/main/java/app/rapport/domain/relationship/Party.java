package app.rapport.domain.relationship;

import java.util.Locale;

/** A side of a relationship: who owes the other a reply. */
public enum Party {
    CLIENT, USER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
