package app.rapport.domain.relationship;

import app.rapport.domain.interaction.Channel;
import app.rapport.domain.interaction.Direction;
import app.rapport.domain.interaction.Intent;
import app.rapport.domain.interaction.Mode;
import java.time.Instant;

/** The most recent contact that counts, with the rule that decided its intent. */
public record LastContact(Instant at, Channel channel, Direction direction, Intent intent, Mode mode, String rule) {}
