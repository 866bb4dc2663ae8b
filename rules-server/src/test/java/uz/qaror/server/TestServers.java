package uz.qaror.server;

import java.io.IOException;
import java.io.UncheckedIOException;

import uz.qaror.DecisionEngine;

/**
 * Servers for the tests: over one engine of the embedded catalog, compiled once for all of them, on a free port
 * of the loopback interface.
 */
final class TestServers {

    private static DecisionEngine engine;
    private static QarorServer shared;

    private TestServers() {
    }

    static synchronized DecisionEngine engine() {
        if (engine == null) {
            engine = DecisionEngine.embedded();
        }
        return engine;
    }

    /** A server with the default options (but a free port), shared by the tests that need nothing else. */
    static synchronized QarorServer shared() {
        if (shared == null) {
            shared = start(options());
        }
        return shared;
    }

    /** The defaults of {@code qaror serve}, on a free port. */
    static ServerOptions.Builder options() {
        return ServerOptions.builder().port(0).threads(4);
    }

    static QarorServer start(ServerOptions.Builder options) {
        try {
            return QarorServer.start(options.build(), engine());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
