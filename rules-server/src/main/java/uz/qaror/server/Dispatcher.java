package uz.qaror.server;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import uz.qaror.RulesException;

/**
 * Runs every request: finds its route, turns it away when the server is full (503) or the token is missing
 * (401), calls the handler, and makes sure it gets a status: a caller's mistake its 4xx, a fault of the server
 * a 500 whose body names the decision id to look up in the server's log, never a stack trace.
 */
final class Dispatcher implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Router router;
    private final BearerToken token;
    private final ServerMetrics metrics;
    private final Admission admission;

    Dispatcher(Router router, BearerToken token, ServerMetrics metrics, Admission admission) {
        this.router = router;
        this.token = token;
        this.metrics = metrics;
        this.admission = admission;
    }

    @Override
    public void handle(HttpExchange exchange) {
        Call call = new Call(exchange);
        admission.started();
        try {
            route(call).handle(call);
        } catch (ApiError e) {
            answer(call, e);
        } catch (RulesException e) {
            // The rules folder cannot be read (a broken descriptor or parameter file): the server's side.
            answer(call, ApiError.of(503, "RULES_UNREADABLE", "rules", e.getMessage()));
        } catch (IOException e) {
            // The client went away, or was too slow and the connection was closed: no one to answer.
            LOG.debug("{} {}: {}", call.method(), call.path(), e.toString());
        } catch (RuntimeException e) {
            LOG.error("{} {} failed (decision id {})", call.method(), call.path(), call.decisionId(), e);
            answer(call, ApiError.of(500, "INTERNAL_ERROR", "$", "the server failed on this request; its log has "
                    + "the details under decision id " + call.decisionId()));
        } finally {
            call.close();
            admission.finished();
            metrics.request(call.route(), call.method(), call.status(), System.nanoTime() - call.startedNanos());
        }
    }

    private Router.Handler route(Call call) {
        Router.Match match;
        try {
            match = router.match(call.method(), call.path());
        } catch (ApiError e) {
            // Where a token is needed, a caller without it learns nothing, not even which paths exist.
            if (token != null) {
                token.check(call.header("Authorization"));
            }
            throw e;
        }
        call.matched(match.route().template(), match.parameters());
        if (Admission.overflowing() && !match.route().template().startsWith("/health/")) {
            throw ApiError.overloaded();
        }
        if (token != null && !match.route().open()) {
            token.check(call.header("Authorization"));
        }
        return match.route().handler();
    }

    private static void answer(Call call, ApiError error) {
        if (call.answered()) {
            return;
        }
        try {
            call.error(error);
        } catch (IOException e) {
            LOG.debug("{} {}: could not answer {}: {}", call.method(), call.path(), error.status(), e.toString());
        }
    }
}
