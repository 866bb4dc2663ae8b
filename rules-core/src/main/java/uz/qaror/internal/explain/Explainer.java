package uz.qaror.internal.explain;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.Decision;
import uz.qaror.DecisionEngine;
import uz.qaror.Result;
import uz.qaror.internal.Internals;
import uz.qaror.internal.build.CompiledService;
import uz.qaror.internal.input.ApplicationReader;
import uz.qaror.internal.run.Evaluator;
import uz.qaror.internal.run.Trace;

/**
 * Decides an application with a trace and explains the decision. The engine first decides it as usual, which
 * gives any {@link uz.qaror.Failure}; a decision is then made again on one compiled snapshot of the service with
 * the trace on, so the rules shown are those of the version that decided (with hot reload the engine may hold a
 * newer one a moment later).
 */
public final class Explainer {

    private Explainer() {
    }

    /** A result and, when it is a decision, its explanation (null for a failure). */
    public record Explained(Result result, Explanation explanation) {
    }

    /** @param asOf the date to judge at; null for the application's submission date */
    public static Explained explain(DecisionEngine engine, JsonNode application, LocalDate asOf) {
        Result result = engine.evaluate(application, asOf);
        if (!(result instanceof Decision decision)) {
            return new Explained(result, null);
        }
        CompiledService service = Internals.compiled(engine, decision.service());
        ApplicationReader.Outcome read = ApplicationReader.read(application, service, asOf);
        if (!read.problems().isEmpty()) {
            // The rules changed between the two runs and the application no longer reads: explain the first.
            return new Explained(result, null);
        }
        Trace trace = new Trace();
        Decision traced = Evaluator.decide(service, read.application(), trace);
        return new Explained(traced, Explanation.of(service, read.application(), traced, trace));
    }
}
