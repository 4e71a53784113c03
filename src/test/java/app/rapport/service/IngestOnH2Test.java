package app.rapport.service;

import app.rapport.store.Database;
import app.rapport.support.TestDatabases;

class IngestOnH2Test extends IngestContract {
    @Override
    Database newDatabase() {
        return TestDatabases.h2();
    }
}
