package app.rapport.domain.interaction;

import java.time.Instant;
import java.util.Optional;

/**
 * What is already known about a mail thread, so a reply can be recognised as two-way. The store
 * implements it over stored interactions; an importer can implement it over the batch it reads.
 */
public interface ThreadContext {

    /**
     * True when an interaction with this client, in this thread, in this direction, occurred strictly
     * before {@code before}.
     *
     * @param threadId  provider thread or conversation id, never null
     * @param direction OUTBOUND to ask "did the user write earlier?", INBOUND for "did the client?"
     */
    boolean hasEarlier(long clientId, String threadId, Direction direction, Instant before);

    /** The subject of the first message of the thread, when known. */
    Optional<String> firstSubject(String threadId);

    /** Knows nothing: every message is one-way and its own thread's start. */
    ThreadContext NONE = new ThreadContext() {
        @Override
        public boolean hasEarlier(long clientId, String threadId, Direction direction, Instant before) {
            return false;
        }

        @Override
        public Optional<String> firstSubject(String threadId) {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "ThreadContext.NONE";
        }
    };
}
