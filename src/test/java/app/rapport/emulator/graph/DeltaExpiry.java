package app.rapport.emulator.graph;

/** How an expired or unknown delta token (skip or delta) is answered; sources disagree, so all three exist. */
public enum DeltaExpiry {
    /** 410 Gone, code syncStateNotFound, Location: a fresh initial delta URL. */
    GONE_SYNC_STATE_NOT_FOUND(410, "syncStateNotFound"),
    /** 400 Bad Request, code syncStateNotFound, no Location. */
    BAD_REQUEST_SYNC_STATE_NOT_FOUND(400, "syncStateNotFound"),
    /** 410 Gone, code resyncRequired, Location: a fresh initial delta URL. */
    GONE_RESYNC_REQUIRED(410, "resyncRequired");

    final int status;
    final String code;

    DeltaExpiry(int status, String code) {
        this.status = status;
        this.code = code;
    }
}
