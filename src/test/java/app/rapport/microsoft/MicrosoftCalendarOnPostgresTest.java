package app.rapport.microsoft;

import app.rapport.store.Database;
import app.rapport.support.TestDatabases;

class MicrosoftCalendarOnPostgresTest extends MicrosoftCalendarContract {
    @Override
    Database database() {
        return TestDatabases.postgres();
    }
}
