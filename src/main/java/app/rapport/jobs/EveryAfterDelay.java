package app.rapport.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A fixed delay between runs whose first run waits too, so heavy passes (re-deriving every
 * relationship, planning a large book) do not all start with the server.
 */
record EveryAfterDelay(Duration firstDelay, Duration delay) implements Schedule, Serializable {
    @Override
    public Instant getInitialExecutionTime(Instant now) {
        return now.plus(firstDelay);
    }

    @Override
    public Instant getNextExecutionTime(ExecutionComplete executionComplete) {
        return executionComplete.getTimeDone().plus(delay);
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }
}
