package app.rapport.web;

import app.rapport.support.TestServer;

class ApiOnH2Test extends ApiContract {
    @Override
    TestServer newServer() {
        return TestServer.onH2();
    }
}
