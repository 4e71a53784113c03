package app.rapport.planning;

import app.rapport.store.Database;
import app.rapport.support.TestDatabases;

class PlanningOnH2Test extends PlanningContract {
    @Override
    Database newDatabase() {
        return TestDatabases.h2();
    }
}
