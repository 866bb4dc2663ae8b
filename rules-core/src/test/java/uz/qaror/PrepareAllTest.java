package uz.qaror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.definition.KiePackage;

import uz.qaror.internal.Internals;
import uz.qaror.internal.build.CompiledService;
import uz.qaror.internal.catalog.Folders;
import uz.qaror.internal.json.DecisionJson;

/**
 * {@link DecisionEngine#prepareAll()} compiles services in groups, several by one builder: each service must come
 * out exactly as {@link DecisionEngine#prepare(String)} alone makes it (its own rule base, its rules, its
 * decisions), and a broken service among good ones must be reported with the very diagnostics it has alone.
 */
class PrepareAllTest {

    @Test
    void servicesCompiledInGroupsAreTheServicesCompiledAloneAndTheBrokenOnesReportTheSameDiagnostics(
            @TempDir Path dir) throws Exception {
        Folders.copyTree(RealCatalog.FOLDER, dir);
        // A type that does not exist in one service, a syntax error in another, a field that does not exist in a
        // third: three services of three groups fail, the others of their groups still compile.
        replace(dir.resolve("services/child-benefit/rules.drl"), "Household(", "Houshold(");
        Files.writeString(dir.resolve("services/marriage-registration/more.drl"),
                "package qaror.service.marriage_registration;\nrule \"x\"\nwhen\n  Applicant(age >\nthen\nend\n");
        replace(dir.resolve("services/vehicle-registration/rules.drl"), "Applicant(", "Applicant(agee > 0, ");

        try (DecisionEngine grouped = DecisionEngine.fromDirectory(dir);
             DecisionEngine alone = DecisionEngine.fromDirectory(dir)) {
            List<String> groupedDiagnostics = grouped.prepareAll().stream().map(Diagnostic::toString).toList();
            List<String> aloneDiagnostics = new ArrayList<>();
            List<String> broken = new ArrayList<>();
            for (String id : alone.serviceIds()) {
                try {
                    alone.prepare(id);
                } catch (RulesException e) {
                    broken.add(id);
                    Internals.source(alone).diagnosticsOf(id, e).forEach(d -> aloneDiagnostics.add(d.toString()));
                }
            }
            assertThat(broken).containsExactly("child-benefit", "marriage-registration", "vehicle-registration");
            assertThat(groupedDiagnostics).isNotEmpty().isEqualTo(aloneDiagnostics);

            List<String> differences = new ArrayList<>();
            for (String id : alone.serviceIds()) {
                if (broken.contains(id)) {
                    continue;
                }
                CompiledService together = Internals.compiled(grouped, id);
                CompiledService single = Internals.compiled(alone, id);
                // the service's own rules and no other service's: besides its package, only Drools' entries for
                // the classes the group's rules use (uz.qaror.facts, java.lang), which hold no rules
                String own = "qaror.service." + id.replace('-', '_');
                assertThat(packages(together)).as(id).contains(own).containsAll(packages(single))
                        .filteredOn(name -> !name.equals(own))
                        .allSatisfy(name -> assertThat(name).doesNotStartWith("qaror.service."));
                assertThat(together.kieBase().getKiePackages()).as(id)
                        .allSatisfy(p -> assertThat(p.getRules().isEmpty()).isEqualTo(!p.getName().equals(own)));
                assertThat(together.rules()).as(id).isEqualTo(single.rules());
                assertThat(together.warnings()).as(id).isEqualTo(single.warnings());
            }
            try (Stream<Path> examples = Files.list(RealCatalog.EXAMPLES)) {
                for (Path example : examples.sorted().toList()) {
                    String application = Files.readString(example);
                    for (Language language : Language.values()) {
                        String a = DecisionJson.write(grouped.evaluate(application), language);
                        String b = DecisionJson.write(alone.evaluate(application), language);
                        if (!a.equals(b)) {
                            differences.add(example.getFileName() + " " + language + ":\n  " + a + "\n  " + b);
                        }
                    }
                }
            }
            assertThat(differences).isEmpty();
        }
    }

    private static List<String> packages(CompiledService service) {
        return service.kieBase().getKiePackages().stream().map(KiePackage::getName).sorted().toList();
    }

    private static void replace(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    }
}
