package app.rapport.store;

import app.rapport.support.TestDatabases;

class StoreOnPostgresTest extends StoreContract {
    @Override
    Database newDatabase() {
        return TestDatabases.postgres();
    }
}
