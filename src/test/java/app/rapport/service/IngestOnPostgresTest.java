package app.rapport.service;

import app.rapport.store.Database;
import app.rapport.support.TestDatabases;

class IngestOnPostgresTest extends IngestContract {
    @Override
    Database newDatabase() {
        return TestDatabases.postgres();
    }
}
