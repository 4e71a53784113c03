-- Provider accounts (Microsoft 365 first): sealed OAuth grants, authorisations in flight, one sync
-- stream per mailbox folder or calendar with its cursor and health, and push subscriptions.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- The provider's own id for the mailbox (Graph user id), and why the account needs attention.
ALTER TABLE accounts ADD COLUMN external_id VARCHAR(200);
ALTER TABLE accounts ADD COLUMN state_detail VARCHAR(1000);
ALTER TABLE accounts ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;

-- Access and refresh token, sealed together with AES-GCM under the key file (security.tokenKeyFile)
-- and bound to the account id. version rises on every refresh, so two instances refreshing at once
-- keep whichever wrote first and re-read it.
CREATE TABLE account_credentials (
    account_id        BIGINT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    sealed_tokens     VARCHAR(20000) NOT NULL,
    access_expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    scopes            VARCHAR(1000) NOT NULL,
    version           BIGINT NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- An authorisation the user started: the OAuth state (as a SHA-256 hash), the session that started
-- it, and the PKCE verifier (sealed). Used once, then kept until it expires for a clear error on replay.
CREATE TABLE oauth_requests (
    state_hash      VARCHAR(64) PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    session_hash    VARCHAR(64),
    provider        VARCHAR(16) NOT NULL,
    sealed_verifier VARCHAR(1000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE
);

-- One row per account and stream (mail_inbox, mail_sent, calendar). The cursor is the link to
-- fetch next: a nextLink inside a round, the deltaLink between rounds; it commits with the page it
-- follows. requested_at is set by webhooks and "sync now" so that a burst becomes one round.
CREATE TABLE sync_streams (
    account_id        BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    stream            VARCHAR(16) NOT NULL,
    phase             VARCHAR(16) NOT NULL,
    state             VARCHAR(16) NOT NULL,
    cursor_url        VARCHAR(8000),
    cursor_is_delta   BOOLEAN NOT NULL,
    full_round        BOOLEAN DEFAULT FALSE NOT NULL,
    window_start      TIMESTAMP WITH TIME ZONE,
    window_end        TIMESTAMP WITH TIME ZONE,
    round_started_at  TIMESTAMP WITH TIME ZONE,
    requested_at      TIMESTAMP WITH TIME ZONE,
    rounds            BIGINT NOT NULL,
    restarts          BIGINT NOT NULL,
    items_seen        BIGINT NOT NULL,
    items_stored      BIGINT NOT NULL,
    items_removed     BIGINT NOT NULL,
    ignored_counts    VARCHAR(2000) NOT NULL,
    rejected_counts   VARCHAR(2000) NOT NULL,
    backfill_seen     BIGINT NOT NULL,
    backfill_estimate BIGINT,
    provider_total    BIGINT,
    stored_total      BIGINT,
    checked_at        TIMESTAMP WITH TIME ZONE,
    attempts          INT NOT NULL,
    last_error        VARCHAR(1000),
    last_error_at     TIMESTAMP WITH TIME ZONE,
    last_success_at   TIMESTAMP WITH TIME ZONE,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, stream)
);

-- Change-notification subscriptions. The clientState secret is kept only as its SHA-256 hash.
CREATE TABLE push_subscriptions (
    subscription_id   VARCHAR(200) PRIMARY KEY,
    account_id        BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    stream            VARCHAR(16) NOT NULL,
    client_state_hash VARCHAR(64) NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    renewed_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX push_subscriptions_by_account ON push_subscriptions (account_id, stream);
CREATE INDEX push_subscriptions_by_expiry ON push_subscriptions (expires_at);

-- Events mirrored from a provider calendar carry the round that last saw them, so a full round can
-- drop what the provider no longer has without ever emptying the calendar in between.
ALTER TABLE calendar_entries ADD COLUMN sync_round BIGINT;
-- Attendees who declined a mirrored event, so a client's "no" to an accepted suggestion is shown.
ALTER TABLE calendar_entries ADD COLUMN declined_by VARCHAR(1000);

-- Working hours read from a connected mailbox (Microsoft 365 mailboxSettings), refreshed by the
-- calendar stream at the start of a full round and at most hourly otherwise. working_hours has
-- planning_settings' format, wall-clock time in zone; zone is null when the mailbox's zone name
-- could not be read (the user's own zone is used then). Null hours: the mailbox gave none usable.
CREATE TABLE mailbox_working_hours (
    account_id    BIGINT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    working_hours VARCHAR(200),
    zone          VARCHAR(64),
    zone_name     VARCHAR(200),
    fetched_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The planner uses the mailbox's working hours unless the user set their own. Settings saved
-- before this column existed count as the user's choice, except the untouched defaults.
ALTER TABLE planning_settings ADD COLUMN working_hours_explicit BOOLEAN DEFAULT TRUE NOT NULL;
UPDATE planning_settings SET working_hours_explicit = FALSE
    WHERE working_hours = 'mon=09:00-17:30,tue=09:00-17:30,wed=09:00-17:30,thu=09:00-17:30,fri=09:00-17:30';
