package app.rapport.store;

import app.rapport.support.TestDatabases;

class StoreOnH2Test extends StoreContract {
    @Override
    Database newDatabase() {
        return TestDatabases.h2();
    }
}
