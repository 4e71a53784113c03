package app.rapport.microsoft;

import app.rapport.store.Database;
import app.rapport.support.TestDatabases;

class MicrosoftSyncOnPostgresTest extends MicrosoftSyncContract {
    @Override
    Database database() {
        return TestDatabases.postgres();
    }
}
