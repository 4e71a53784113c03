package app.rapport.web;

import app.rapport.support.TestServer;

class ApiOnPostgresTest extends ApiContract {
    @Override
    TestServer newServer() {
        return TestServer.onPostgres();
    }
}
