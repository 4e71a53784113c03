package app.rapport.providers.microsoft;

/** The account's grant is gone; nothing is retried until the user reconnects. */
public final class ReconnectNeededException extends RuntimeException {
    private final long accountId;

    public ReconnectNeededException(long accountId, String reason) {
        super("account " + accountId + " needs reconnecting: " + reason);
        this.accountId = accountId;
    }

    public long accountId() {
        return accountId;
    }
}
