package uz.qaror.prebuilt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uz.qaror.Decision;
import uz.qaror.DecisionEngine;
import uz.qaror.Language;
import uz.qaror.Result;
import uz.qaror.internal.Internals;
import uz.qaror.internal.build.CompiledService;
import uz.qaror.internal.explain.Explainer;
import uz.qaror.internal.explain.Explanation;
import uz.qaror.internal.catalog.CatalogSource;
import uz.qaror.internal.catalog.ServiceFiles;
import uz.qaror.internal.catalog.ServiceFolder;
import uz.qaror.tools.generate.ApplicationGenerator;
import uz.qaror.tools.testing.DecisionComparison;
import uz.qaror.tools.testing.TestCase;
import uz.qaror.tools.testing.TestSuiteReader;

/**
 * The differential test: the embedded catalog decides the same through its prebuilt rules (the executable model,
 * compiled when the project is built) as through the classic compiler at run time. Every test case of every
 * service and a sample of generated applications, compared as their whole decision JSON in every language
 * (outcome, reasons, amounts, fee, fired rules in order, parameters, rulesVersion). The sample holds 3,000
 * applications in the build; the bench's {@code PrebuiltDifferential} decides 100,000 (bench/README.md).
 *
 * <p>The classic compiler's two ways are compared the same way: {@code prepareAll()} compiles services in groups,
 * several by one builder, and {@code prepare(id)} one by one.
 */
class PrebuiltCatalogTest {

    private static DecisionEngine prebuilt;
    private static DecisionEngine classic;
    /** The classic compiler, each service compiled alone (classic's {@code prepareAll} compiles them in groups). */
    private static DecisionEngine alone;

    @BeforeAll
    static void engines() {
        prebuilt = DecisionEngine.embedded();
        classic = DecisionEngine.builder().prebuiltRules(false).build();
        assertThat(prebuilt.prepareAll()).isEmpty();
        assertThat(classic.prepareAll()).isEmpty();
        alone = DecisionEngine.builder().prebuiltRules(false).build();
        alone.serviceIds().forEach(alone::prepare);
    }

    @AfterAll
    static void close() {
        prebuilt.close();
        classic.close();
        alone.close();
    }

    @Test
    void everyServiceOfTheEmbeddedCatalogIsPrebuiltFromTheContentItServes() {
        assertThat(new PrebuiltCatalog().versions()).containsOnlyKeys(prebuilt.serviceIds());
        for (String id : prebuilt.serviceIds()) {
            CompiledService fast = Internals.compiled(prebuilt, id);
            CompiledService compiled = Internals.compiled(classic, id);
            assertThat(fast.prebuilt()).as(id).isTrue();
            assertThat(compiled.prebuilt()).as(id).isFalse();
            assertThat(fast.version()).as(id).isEqualTo(compiled.version())
                    .isEqualTo(new PrebuiltCatalog().versions().get(id));
            assertThat(fast.rules()).as(id).isEqualTo(compiled.rules())
                    .isEqualTo(Internals.compiled(alone, id).rules());
            assertThat(FolderPrebuildTest.loadOrder(fast.kieBase())).as(id)
                    .isEqualTo(FolderPrebuildTest.loadOrder(compiled.kieBase()));
        }
    }

    @Test
    void everyYamlFileOfTheEmbeddedCatalogIsReadFromItsJsonFormWithTheSameValues() {
        PrebuiltCatalog rules = new PrebuiltCatalog();
        CatalogSource yaml = CatalogSource.embedded(getClass().getClassLoader());
        CatalogSource parsed = yaml.withParsedFiles(rules::parsedFile);
        for (String id : yaml.serviceIds()) {
            ServiceFiles files = yaml.files(id);
            for (String file : yaml.yamlFiles(files).keySet()) {
                assertThat(rules.parsedFile(id, files.version(), file)).as(file).isNotNull();
            }
            ServiceFolder fromYaml = yaml.readService(id, files);
            ServiceFolder fromJson = parsed.readService(id, files);
            assertThat(fromJson.descriptor()).as(id).isEqualTo(fromYaml.descriptor());
            assertThat(fromJson.reasons()).as(id).isEqualTo(fromYaml.reasons());
            assertThat(fromJson.parameters().ids()).as(id).isEqualTo(fromYaml.parameters().ids());
            for (String parameter : fromYaml.parameters().ids()) {
                assertThat(fromJson.parameters().get(parameter)).as(id + " " + parameter)
                        .isEqualTo(fromYaml.parameters().get(parameter));
            }
        }
    }

    @Test
    void everyTestCaseOfTheCatalogIsDecidedTheSame() {
        CatalogSource source = Internals.source(classic);
        int cases = 0;
        List<String> differences = new ArrayList<>();
        for (String id : source.serviceIds()) {
            for (TestCase test : TestSuiteReader.read(source.readService(id))) {
                Result compiled = classic.evaluate(test.application(), test.asOf());
                compare(test.name(), prebuilt.evaluate(test.application(), test.asOf()), compiled, differences);
                compare(test.name() + " (compiled alone)", alone.evaluate(test.application(), test.asOf()),
                        compiled, differences);
                cases++;
            }
        }
        assertThat(cases).isGreaterThan(200);
        assertThat(differences).isEmpty();
    }

    @Test
    void aFiredRuleIsReportedByTheObjectMadeWhenItsServiceWasCompiled() {
        // A decision names each fired rule by an object its service made once per rule (by the KieBase's own rule
        // objects): the executable model's rules, the classic compiler's in groups and alone must all be found so,
        // or every firing would make its rule's name and legal basis anew.
        CatalogSource source = Internals.source(classic);
        int firings = 0;
        for (DecisionEngine engine : List.of(prebuilt, classic, alone)) {
            for (String id : source.serviceIds()) {
                CompiledService service = Internals.compiled(engine, id);
                assertThat(service.firedRules()).hasSameSizeAs(service.rules());
                for (TestCase test : TestSuiteReader.read(source.readService(id))) {
                    if (engine.evaluate(test.application(), test.asOf()) instanceof Decision decision) {
                        for (Decision.FiredRule rule : decision.firedRules()) {
                            assertThat(service.firedRules().values()).as("%s: %s", test.name(), rule.name())
                                    .anySatisfy(made -> assertThat(made).isSameAs(rule));
                            assertThat(service.rules()).contains(
                                    new CompiledService.RuleInfo(rule.name(), rule.legalBasis()));
                            firings++;
                        }
                    }
                }
            }
        }
        assertThat(firings).isGreaterThan(1000);
    }

    @Test
    void everyTestCaseOfTheCatalogIsExplainedTheSame() {
        // qaror explain shows each fired rule's bindings: the executable model binds every pattern to a variable
        // of its own, which must not show up beside the rule's own bindings
        CatalogSource source = Internals.source(classic);
        List<String> differences = new ArrayList<>();
        int explained = 0;
        for (String id : source.serviceIds()) {
            for (TestCase test : TestSuiteReader.read(source.readService(id))) {
                Explanation fast = Explainer.explain(prebuilt, test.application(), test.asOf()).explanation();
                Explanation compiled = Explainer.explain(classic, test.application(), test.asOf()).explanation();
                if (fast == null || compiled == null) {
                    assertThat(fast).as(test.name()).isNull();
                    assertThat(compiled).as(test.name()).isNull();
                    continue;
                }
                String a = fast.text(Language.EN);
                String b = compiled.text(Language.EN);
                if (!a.equals(b)) {
                    differences.add(test.name() + ":\n  prebuilt: " + a + "\n  compiled: " + b);
                }
                explained++;
            }
        }
        assertThat(explained).isGreaterThan(200);
        assertThat(differences).isEmpty();
    }

    @Test
    void generatedApplicationsAreDecidedTheSame() {
        int count = 3_000;
        ApplicationGenerator generator = new ApplicationGenerator(classic.services(), 2026, 0.01);
        List<String> differences = new ArrayList<>();
        int decided = 0;
        for (int i = 0; i < count; i++) {
            String application = generator.line(i);
            Result fast = prebuilt.evaluate(application);
            Result compiled = classic.evaluate(application);
            compare("application " + i, fast, compiled, differences);
            compare("application " + i + " (compiled alone)", alone.evaluate(application), compiled, differences);
            if (fast instanceof uz.qaror.Decision) {
                decided++;
            }
        }
        assertThat(decided).isGreaterThan(count * 9 / 10);
        assertThat(differences).isEmpty();
    }

    @Test
    void decisionsOnReusedSessionsAreThoseOfNewSessions() {
        // A session goes back reset for the next decision (Sessions); one that kept anything of an earlier
        // application (a fact, a global, a listener, its clock) would decide differently from a new one.
        DecisionEngine renewing = DecisionEngine.embedded();
        assertThat(renewing.prepareAll()).isEmpty();
        ApplicationGenerator generator = new ApplicationGenerator(renewing.services(), 7, 0.01);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String application = generator.line(i);
            renewing.serviceIds().forEach(id -> Internals.compiled(renewing, id).sessions().disposeIdle());
            compare("application " + i + " (reused against new session)", prebuilt.evaluate(application),
                    renewing.evaluate(application), differences);
        }
        assertThat(differences).isEmpty();
        renewing.close();
    }

    @Test
    void aServiceWhoseFilesDifferFromThePrebuiltOnesIsCompiled() {
        assertThat(new PrebuiltCatalog().kieBase("child-benefit", "000000000000")).isNull();
        assertThat(new PrebuiltCatalog().kieBase("no-such-service", "000000000000")).isNull();
    }

    @Test
    void aRulesFolderIsAlwaysCompiled(@TempDir Path dir) throws IOException {
        CatalogSource embedded = Internals.source(classic);
        copy(embedded.root(), dir);
        try (DecisionEngine engine = DecisionEngine.fromDirectory(dir)) {
            CompiledService service = Internals.compiled(engine, "child-benefit");
            assertThat(service.prebuilt()).isFalse();
            // the same files, so the same version as the prebuilt service: still compiled from the folder
            assertThat(service.version()).isEqualTo(new PrebuiltCatalog().versions().get("child-benefit"));
        }
    }

    private static void compare(String what, Result fast, Result compiled, List<String> differences) {
        DecisionComparison.difference(fast, compiled).ifPresent(difference -> differences.add(what + " " + difference));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
