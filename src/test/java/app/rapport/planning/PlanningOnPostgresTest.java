package app.rapport.planning;

import app.rapport.store.Database;
import app.rapport.support.TestDatabases;

class PlanningOnPostgresTest extends PlanningContract {
    @Override
    Database newDatabase() {
        return TestDatabases.postgres();
    }
}
