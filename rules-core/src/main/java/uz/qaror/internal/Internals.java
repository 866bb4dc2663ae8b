package uz.qaror.internal;

import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qaror.DecisionEngine;
import uz.qaror.InputLimits;
import uz.qaror.Result;
import uz.qaror.internal.build.CompiledService;
import uz.qaror.internal.catalog.CatalogSource;
import uz.qaror.internal.input.TreeSchema;

/**
 * Gives Qaror's own tools (the CLI, the test runner, the linter) what the public {@link DecisionEngine} keeps
 * to itself: its catalog source and compiled services. Embedders should not use it: it may change at any time.
 */
public final class Internals {

    /** Implemented by the engine, installed when its class loads. */
    public interface Access {
        CatalogSource source(DecisionEngine engine);

        CompiledService compiled(DecisionEngine engine, String serviceId);

        Result evaluateChecked(DecisionEngine engine, JsonNode application, InputLimits checkedWith,
                               TreeSchema vouchedBy);

        Function<String, TreeSchema> readySchemas(DecisionEngine engine);
    }

    private static volatile Access access;

    private Internals() {
    }

    public static void install(Access implementation) {
        access = implementation;
    }

    public static CatalogSource source(DecisionEngine engine) {
        return access().source(engine);
    }

    /**
     * @throws uz.qaror.RulesException when the service does not compile
     */
    public static CompiledService compiled(DecisionEngine engine, String serviceId) {
        return access().compiled(engine, serviceId);
    }

    /**
     * Decides a tree that an {@link uz.qaror.internal.input.ApplicationText} with {@code checkedWith} read from text
     * (a batch's record, a request's body): when those are the engine's own limits, its checks of any input are not
     * made again; otherwise it is decided as {@link DecisionEngine#evaluate(JsonNode)} decides any tree. When
     * {@code vouchedBy} (null: none), which vouched for the tree as it was read with {@link #readySchemas}, is still
     * the schema of the service the application names, the tree is not checked against it again.
     */
    public static Result evaluateChecked(DecisionEngine engine, JsonNode application, InputLimits checkedWith,
                                         TreeSchema vouchedBy) {
        return access().evaluateChecked(engine, application, checkedWith, vouchedBy);
    }

    /**
     * The schemas an {@link uz.qaror.internal.input.ApplicationText} follows as it reads an application for
     * {@code engine}: those of the services compiled already (a service is not compiled while a record is read).
     */
    public static Function<String, TreeSchema> readySchemas(DecisionEngine engine) {
        return access().readySchemas(engine);
    }

    private static Access access() {
        if (access == null) {
            // Loading the engine class installs the access.
            Objects.requireNonNull(DecisionEngine.class.getName());
            try {
                Class.forName(DecisionEngine.class.getName(), true, DecisionEngine.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return access;
    }
}
