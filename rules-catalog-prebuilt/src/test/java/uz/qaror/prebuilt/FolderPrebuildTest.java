package uz.qaror.prebuilt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import uz.qaror.Decision;
import uz.qaror.Outcome;
import uz.qaror.DecisionEngine;
import uz.qaror.Result;
import uz.qaror.RulesException;
import uz.qaror.internal.Internals;
import uz.qaror.internal.catalog.CatalogSource;
import uz.qaror.internal.catalog.Folders;
import uz.qaror.tools.testing.DecisionComparison;
import uz.qaror.tools.testing.TestCase;
import uz.qaror.tools.testing.TestSuiteReader;

/**
 * A policy team's folder compiled in advance ({@code qaror catalog prebuild}, {@link ModelGenerator}) and loaded
 * from its jar: every service of the folder loads from the jar and decides every one of its test cases as the
 * classic compiler does; a service edited after the jar was written is compiled instead, with its edit; services of
 * the embedded catalog's names, edited before, decide as edited (the jar's classes, not the embedded ones of the
 * same name); a file that is not such a jar is refused by name.
 */
class FolderPrebuildTest {

    /** Four services of the embedded catalog: two with a decision table beside their DRL, two with DRL alone. */
    private static final Set<String> SERVICES = Set.of("marriage-registration", "child-benefit", "name-change",
            "mortgage-subsidy");
    private static final String EDITED_RULE = "    decision.refer(\"AGE_REDUCTION_PERMISSION\");";

    @TempDir
    static Path work;
    private static Path folder;
    private static Path jar;

    @BeforeAll
    static void prebuild() throws IOException {
        folder = work.resolve("rules");
        Folders.copyTree(CatalogSource.embedded(FolderPrebuildTest.class.getClassLoader()).root(), folder);
        keepOnly(folder, SERVICES);
        // An edit the embedded catalog does not have, made before prebuilding: a 17-year-old with the governor's
        // permission is refused instead of referred to an officer.
        Path marriage = folder.resolve("services/marriage-registration/rules.drl");
        String drl = Files.readString(marriage);
        assertThat(drl).contains(EDITED_RULE);
        Files.writeString(marriage, drl.replace(EDITED_RULE, "    decision.reject(\"AGE_REDUCTION_PERMISSION\");"));
        jar = work.resolve("rules.jar");
        ModelGenerator.Generated generated = ModelGenerator.generate(CatalogSource.directory(folder));
        try (OutputStream out = Files.newOutputStream(jar)) {
            generated.writeJar(out);
        }
        assertThat(generated.services()).isEqualTo(SERVICES.size());
    }

    @Test
    void theJarHoldsEveryServicesOwnFormThoughTheEmbeddedCatalogsAreOnTheClassPath() throws IOException {
        // The embedded catalog's generated classes are on this class path, with the same names; a Form taken from
        // there would lack what the folder's descriptor adds.
        assertThat(getClass().getClassLoader().getResource("qaror/service/marriage_registration/Form.class"))
                .isNotNull();
        try (var entries = new java.util.jar.JarFile(jar.toFile())) {
            for (String id : SERVICES) {
                String form = uz.qaror.internal.build.FormDeclaration.packageOf(id).replace('.', '/') + "/Form.class";
                assertThat(entries.getEntry(form)).as(form).isNotNull();
            }
        }
    }

    @Test
    void theJarHoldsTheJsonFormOfEveryYamlFileForTheServicesVersionOnly() throws IOException {
        CatalogSource source = CatalogSource.directory(folder);
        uz.qaror.internal.build.PrebuiltRules rules = new PrebuiltCatalog().readJar(jar);
        for (String id : SERVICES) {
            uz.qaror.internal.catalog.ServiceFiles files = source.files(id);
            for (var file : source.yamlFiles(files).entrySet()) {
                assertThat(rules.parsedFile(id, files.version(), file.getKey())).as(file.getKey())
                        .isEqualTo(CatalogSource.jsonForm(file.getKey(), file.getValue())).isNotNull();
                assertThat(rules.parsedFile(id, "0123456789ab", file.getKey())).as(file.getKey()).isNull();
            }
        }
        // The class path holds the embedded catalog's forms under the same names: a jar without forms has none.
        String form = PrebuiltCatalog.PARSED + "services/name-change/service.yaml.json";
        assertThat(getClass().getClassLoader().getResource(form)).isNotNull();
        Path classesOnly = work.resolve("classes-only.jar");
        try (var in = new java.util.jar.JarFile(jar.toFile());
             var out = new java.util.jar.JarOutputStream(Files.newOutputStream(classesOnly))) {
            for (var entry : java.util.Collections.list(in.entries())) {
                if (!entry.getName().startsWith(PrebuiltCatalog.PARSED)) {
                    out.putNextEntry(new java.util.jar.JarEntry(entry.getName()));
                    out.write(in.getInputStream(entry).readAllBytes());
                    out.closeEntry();
                }
            }
        }
        assertThat(new PrebuiltCatalog().readJar(classesOnly).parsedFile("name-change",
                source.files("name-change").version(), "services/name-change/service.yaml")).isNull();
    }

    @Test
    void rulesOfEqualSalienceAreInTheClassicCompilersOrder(@TempDir Path copies) throws IOException {
        // Rules of equal salience fire in the order they were loaded, which decides the order of a decision's fired
        // rules. The generator read a service's files in the order of a hash of their paths, the service's name in
        // them: copies of one service under other names put its decision table after its DRL or before.
        CatalogSource embedded = CatalogSource.embedded(FolderPrebuildTest.class.getClassLoader());
        uz.qaror.tools.generate.SyntheticCatalog.write(embedded, 30 * 3, copies);
        Path copiesJar = work.resolve("copies.jar");
        CatalogSource source = CatalogSource.directory(copies);
        List<String> tables = source.serviceIds().stream()
                .filter(id -> id.startsWith("mortgage-subsidy-") || id.startsWith("child-benefit-")).toList();
        assertThat(tables).hasSize(6);
        keepOnly(copies, tables);
        try (OutputStream out = Files.newOutputStream(copiesJar)) {
            ModelGenerator.generate(CatalogSource.directory(copies)).writeJar(out);
        }
        try (DecisionEngine prebuilt = DecisionEngine.builder().rulesDirectory(copies).prebuiltRules(copiesJar)
                .build();
             DecisionEngine classic = DecisionEngine.fromDirectory(copies)) {
            for (String id : tables) {
                assertThat(Internals.compiled(prebuilt, id).prebuilt()).isTrue();
                assertThat(loadOrder(Internals.compiled(prebuilt, id).kieBase())).as(id)
                        .isEqualTo(loadOrder(Internals.compiled(classic, id).kieBase()));
            }
        }
    }

    /** A rule base's rules in the order they were loaded (the order rules of equal salience fire in). */
    static List<String> loadOrder(org.kie.api.KieBase kieBase) {
        return kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .map(org.drools.base.definitions.rule.impl.RuleImpl.class::cast)
                .sorted(java.util.Comparator.comparingInt(
                        org.drools.base.definitions.rule.impl.RuleImpl::getLoadOrder))
                .map(org.drools.base.definitions.rule.impl.RuleImpl::getName).toList();
    }

    @Test
    void everyServiceLoadsFromTheJarAndDecidesEveryTestCaseAsTheClassicCompilerDoes() {
        try (DecisionEngine prebuilt = DecisionEngine.builder().rulesDirectory(folder).prebuiltRules(jar).build();
             DecisionEngine classic = DecisionEngine.fromDirectory(folder)) {
            assertThat(prebuilt.prepareAll()).isEmpty();
            List<String> differences = new ArrayList<>();
            int cases = 0;
            for (String id : SERVICES) {
                assertThat(Internals.compiled(prebuilt, id).prebuilt()).as(id).isTrue();
                assertThat(Internals.compiled(classic, id).prebuilt()).as(id).isFalse();
                for (TestCase test : TestSuiteReader.read(Internals.source(classic).readService(id))) {
                    Result fast = prebuilt.evaluate(test.application(), test.asOf());
                    DecisionComparison.difference(fast, classic.evaluate(test.application(), test.asOf()))
                            .ifPresent(d -> differences.add(test.name() + " " + d));
                    cases++;
                }
            }
            assertThat(cases).isGreaterThan(30);
            assertThat(differences).isEmpty();
        }
    }

    @Test
    void aServiceOfAnEmbeddedNameDecidesAsTheFolderSaysNotAsTheEmbeddedCatalogDoes() {
        JsonNode application = permittedSeventeenYearOld();
        try (DecisionEngine prebuilt = DecisionEngine.builder().rulesDirectory(folder).prebuiltRules(jar).build();
             DecisionEngine embedded = DecisionEngine.embedded()) {
            assertThat(((Decision) embedded.evaluate(application)).outcome()).isEqualTo(Outcome.REFERRED);
            Decision decision = (Decision) prebuilt.evaluate(application);
            assertThat(Internals.compiled(prebuilt, "marriage-registration").prebuilt()).isTrue();
            assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        }
    }

    @Test
    void aServiceEditedAfterPrebuildingIsCompiledWithItsEdit(@TempDir Path copy) throws IOException {
        Folders.copyTree(folder, copy);
        Path marriage = copy.resolve("services/marriage-registration/rules.drl");
        Files.writeString(marriage, Files.readString(marriage).replace(
                "    decision.reject(\"AGE_REDUCTION_PERMISSION\");", EDITED_RULE));
        Logger logger = (Logger) LoggerFactory.getLogger(DecisionEngine.class);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        logger.addAppender(warnings);
        try (DecisionEngine engine = DecisionEngine.builder().rulesDirectory(copy).prebuiltRules(jar).build()) {
            Decision decision = (Decision) engine.evaluate(permittedSeventeenYearOld());
            assertThat(Internals.compiled(engine, "marriage-registration").prebuilt()).isFalse();
            assertThat(decision.outcome()).isEqualTo(Outcome.REFERRED);
            assertThat(Internals.compiled(engine, "child-benefit").prebuilt()).isTrue();
        } finally {
            logger.detachAppender(warnings);
        }
        assertThat(warnings.list).extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                .startsWith("service marriage-registration changed since its rules were prebuilt");
    }

    @Test
    void servicesGeneratedInSeveralBuildsGiveTheSameJarAsInOne() {
        CatalogSource source = CatalogSource.directory(folder);
        ModelGenerator.Generated together = ModelGenerator.generate(source);
        ModelGenerator.Generated apart = ModelGenerator.generate(source, 2);
        assertThat(apart.index()).isEqualTo(together.index());
        assertThat(apart.classes().keySet()).isEqualTo(together.classes().keySet());
    }

    @Test
    void aFileThatIsNotAPrebuiltJarIsRefusedByName(@TempDir Path dir) throws IOException {
        Path notAJar = dir.resolve("rules.jar");
        Files.writeString(notAJar, "not a jar", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DecisionEngine.builder().rulesDirectory(folder).prebuiltRules(notAJar).build())
                .isInstanceOf(RulesException.class)
                .hasMessageContaining(notAJar.toString())
                .hasMessageContaining("not a jar written by qaror catalog prebuild");
        Path missing = dir.resolve("missing.jar");
        assertThatThrownBy(() -> DecisionEngine.builder().rulesDirectory(folder).prebuiltRules(missing).build())
                .isInstanceOf(RulesException.class)
                .hasMessageContaining(missing + " do not exist");
    }

    @Test
    void aBrokenServiceIsReportedAtItsLineAndNothingIsGenerated(@TempDir Path copy) throws IOException {
        Folders.copyTree(folder, copy);
        Path drl = copy.resolve("services/name-change/rules.drl");
        Files.writeString(drl, Files.readString(drl) + "\nrule \"broken\" when Applicant( then end\n");
        assertThatThrownBy(() -> ModelGenerator.generate(CatalogSource.directory(copy)))
                .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.diagnostics())
                        .anySatisfy(d -> assertThat(d.file()).endsWith("services/name-change/rules.drl")));
    }

    /** The catalog's own test case of a 17-year-old with the governor's permission. */
    private static JsonNode permittedSeventeenYearOld() {
        TestCase found = TestSuiteReader.read(CatalogSource.directory(folder).readService("marriage-registration"))
                .stream()
                .filter(test -> test.application().toString().contains("age-reduction-permission"))
                .findFirst().orElseThrow();
        return found.application();
    }

    /** Removes from a rules folder every service but these. */
    private static void keepOnly(Path rules, java.util.Collection<String> serviceIds) throws IOException {
        try (var services = Files.list(rules.resolve("services"))) {
            for (Path service : services.toList()) {
                if (!serviceIds.contains(service.getFileName().toString())) {
                    Folders.deleteTree(service);
                }
            }
        }
    }
}
