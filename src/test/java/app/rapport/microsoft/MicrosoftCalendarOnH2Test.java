package app.rapport.microsoft;

import app.rapport.store.Database;
import app.rapport.support.TestDatabases;

class MicrosoftCalendarOnH2Test extends MicrosoftCalendarContract {
    @Override
    Database database() {
        return TestDatabases.h2();
    }
}
