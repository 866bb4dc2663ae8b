package uz.qaror.server;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uz.qaror.DecisionEngine;
import uz.qaror.RulesException;
import uz.qaror.ServiceDescriptor;
import uz.qaror.internal.Internals;
import uz.qaror.internal.build.CompiledService;
import uz.qaror.internal.catalog.CatalogSource;
import uz.qaror.internal.catalog.ServiceFolder;
import uz.qaror.internal.json.Json;
import uz.qaror.internal.params.ParameterSeries;
import uz.qaror.internal.params.ParameterTable;
import uz.qaror.internal.run.NearestIds;
import uz.qaror.tools.testing.TestCase;
import uz.qaror.tools.testing.TestSuiteReader;

/**
 * The catalog as data: {@code GET /v1/services} (every descriptor, with each input's control and labels in the
 * four languages, enough for a portal to draw the form), {@code GET /v1/services/{id}} (one descriptor with its
 * rules and their legal basis, the parameters it can read with their dated history, and its rules version),
 * {@code GET /v1/services/{id}/example} (an application to start from: the service's first test case), and
 * {@code GET /v1/parameters[/{id}]} (the shared dated parameters, each value with its act). Read from the rules
 * on every request, so a watched folder's edits show at once.
 */
final class CatalogEndpoints {

    private final DecisionEngine engine;
    private final CatalogSource source;

    CatalogEndpoints(DecisionEngine engine) {
        this.engine = engine;
        this.source = Internals.source(engine);
    }

    void register(Router router) {
        router.get("/v1/services", this::services);
        router.get("/v1/services/{id}", this::service);
        router.get("/v1/services/{id}/example", this::example);
        router.get("/v1/parameters", this::parameters);
        router.get("/v1/parameters/{id}", this::parameter);
    }

    private void services(Call call) throws IOException {
        ObjectNode body = Json.JSON.createObjectNode();
        ArrayNode services = body.putArray("services");
        for (ServiceDescriptor descriptor : engine.services()) {
            services.add(summary(descriptor, call));
        }
        call.json(200, body);
    }

    private ObjectNode summary(ServiceDescriptor descriptor, Call call) {
        ObjectNode node = Json.JSON.valueToTree(descriptor);
        node.put("name", descriptor.name(call.language()));
        node.set("inputs", InputForms.inputs(descriptor));
        return node;
    }

    private void service(Call call) throws IOException {
        ServiceFolder folder = folder(call.pathParameter("id"));
        ObjectNode body = summary(folder.descriptor(), call);
        body.put("rulesVersion", folder.version());
        ArrayNode rules = body.putArray("rules");
        ArrayNode problems = body.putArray("problems");
        try {
            CompiledService compiled = Internals.compiled(engine, folder.id());
            for (CompiledService.RuleInfo rule : compiled.rules()) {
                rules.addObject().put("name", rule.name()).put("legalBasis", rule.legalBasis());
            }
            body.put("compiles", true);
        } catch (RulesException e) {
            body.put("compiles", false);
            source.diagnosticsOf(folder.id(), e).forEach(d -> problems.addObject()
                    .put("path", d.location()).put("message", d.message()));
        }
        ArrayNode parameters = body.putArray("parameters");
        ParameterTable shared = source.sharedParameters();
        ParameterTable readable = folder.parameters();
        for (String id : readable.ids().stream().sorted().toList()) {
            ObjectNode series = series(readable.get(id));
            series.put("scope", shared.contains(id) ? "shared" : "service");
            parameters.add(series);
        }
        call.json(200, body);
    }

    private void example(Call call) throws IOException {
        ServiceFolder folder = folder(call.pathParameter("id"));
        List<TestCase> cases = TestSuiteReader.read(folder);
        if (cases.isEmpty()) {
            throw ApiError.of(404, "NOT_FOUND", "id", "service '" + folder.id()
                    + "' has no test cases to take an example from");
        }
        TestCase first = cases.get(0);
        ObjectNode body = Json.JSON.createObjectNode();
        body.put("service", folder.id());
        body.put("case", first.name());
        body.set("application", first.application());
        call.json(200, body);
    }

    private void parameters(Call call) throws IOException {
        ParameterTable shared = source.sharedParameters();
        ObjectNode body = Json.JSON.createObjectNode();
        ArrayNode list = body.putArray("parameters");
        shared.ids().stream().sorted().forEach(id -> list.add(series(shared.get(id))));
        call.json(200, body);
    }

    private void parameter(Call call) throws IOException {
        String id = call.pathParameter("id");
        ParameterTable shared = source.sharedParameters();
        if (!shared.contains(id)) {
            throw ApiError.notFound("parameter", id,
                    NearestIds.nearest(id, new ArrayList<>(shared.ids().stream().sorted().toList()), 3));
        }
        call.json(200, series(shared.get(id)));
    }

    private ServiceFolder folder(String id) {
        if (!source.hasService(id)) {
            throw ApiError.notFound("service", id, NearestIds.nearest(id, engine.serviceIds(), 3));
        }
        return source.readService(id);
    }

    /** A dated series: each value with the day it took effect and its act, and the value in force today. */
    private static ObjectNode series(ParameterSeries series) {
        ObjectNode node = Json.JSON.createObjectNode();
        node.put("id", series.id());
        if (series.unit() != null) {
            node.put("unit", series.unit());
        }
        ObjectNode description = node.putObject("description");
        series.description().forEach(description::put);
        ArrayNode values = node.putArray("values");
        for (ParameterSeries.Value value : series.values()) {
            values.add(value(value));
        }
        series.at(LocalDate.now()).ifPresent(current -> node.set("current", value(current)));
        return node;
    }

    private static ObjectNode value(ParameterSeries.Value value) {
        ObjectNode node = Json.JSON.createObjectNode();
        node.put("from", value.from().toString());
        node.put("value", value.value());
        if (value.legalBasis() != null) {
            node.put("legalBasis", value.legalBasis());
        }
        if (value.verification() != null) {
            node.put("verification", value.verification());
        }
        return node;
    }
}
