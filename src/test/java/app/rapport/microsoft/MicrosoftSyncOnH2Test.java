package app.rapport.microsoft;

import app.rapport.store.Database;
import app.rapport.support.TestDatabases;

class MicrosoftSyncOnH2Test extends MicrosoftSyncContract {
    @Override
    Database database() {
        return TestDatabases.h2();
    }
}
