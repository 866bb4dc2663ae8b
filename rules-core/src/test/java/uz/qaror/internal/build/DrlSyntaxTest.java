package uz.qaror.internal.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uz.qaror.DecisionEngine;
import uz.qaror.Diagnostic;
import uz.qaror.RulesException;
import uz.qaror.internal.catalog.Folders;

/**
 * A syntax error in DRL is reported once, first, where the author made it; the errors that only follow from it
 * (in the same file, or in other files that use what the broken file declares) are not.
 */
class DrlSyntaxTest {

    private static final Path CATALOG = Path.of("src/test/resources/test-catalog");

    /** A second rule file of the service that uses a type rules.drl declares, as the child benefit's table does. */
    private static final String USES_DECLARED = String.join("\n",
            "package qaror.service.demo_benefit;",
            "import uz.qaror.facts.*;",
            "rule \"Adult seen\"",
            "    @legalBasis(\"Test act art. 8\")",
            "when",
            "    Adult()",
            "then",
            "    decision.refer(\"MINOR\");",
            "end",
            "");

    @Test
    void aMissingParenthesisIsReportedAtTheParenthesisLeftOpenWithoutWhatFollowsFromIt(@TempDir Path dir) throws Exception {
        String drl = setUp(dir).replace("    Applicant(age >= 18)\n    Form(income != null",
                "    Applicant(age >= 18\n    Form(income != null");

        List<Diagnostic> diagnostics = compile(dir, drl);

        int line = lineOf(drl, "Applicant(age >= 18");
        assertThat(diagnostics).extracting(Object::toString).containsExactly(dir + "/services/demo-benefit/rules.drl:"
                + line + ":14: error: this '(' is never closed: add ')' where the condition ends"
                + " (Drools: mismatched input 'Form' in rule \"Adult with income under the threshold\")");
    }

    @Test
    void aMissingParenthesisBeforeThenIsPlacedOnItsOwnLine(@TempDir Path dir) throws Exception {
        String drl = setUp(dir).replace("income <= params.value(\"threshold\"))", "income <= params.value(\"threshold\")");

        List<Diagnostic> diagnostics = compile(dir, drl);

        assertThat(diagnostics).hasSize(1);
        assertThat(diagnostics.get(0).line()).isEqualTo(lineOf(drl, "income <= params.value"));
        assertThat(diagnostics.get(0).column()).isEqualTo(9);
    }

    @Test
    void aMissingEndIsPlacedAtTheRuleThatStartsTooEarly(@TempDir Path dir) throws Exception {
        String drl = setUp(dir).replace("    decision.reject(\"INCOME_TOO_HIGH\", \"income\", $income);\nend\n",
                "    decision.reject(\"INCOME_TOO_HIGH\", \"income\", $income);\n");

        List<Diagnostic> diagnostics = compile(dir, drl);

        assertThat(diagnostics).extracting(Object::toString).singleElement().asString()
                .startsWith(dir + "/services/demo-benefit/rules.drl:" + lineOf(drl, "rule \"Minor\"")
                        + ":1: error: rule \"Income above the threshold\" has no 'end' before this rule starts");
    }

    @Test
    void anUnclosedQuoteIsPlacedAtTheQuote(@TempDir Path dir) throws Exception {
        String drl = setUp(dir).replace("decision.refer(\"MINOR\");\nend", "decision.refer(\"MINOR);\nend");

        List<Diagnostic> diagnostics = compile(dir, drl);

        assertThat(diagnostics).extracting(Object::toString).singleElement().asString()
                .startsWith(dir + "/services/demo-benefit/rules.drl:" + lineOf(drl, "decision.refer(\"MINOR);")
                        + ":20: error: this text has no closing quote");
    }

    private static String setUp(Path dir) throws Exception {
        Folders.copyTree(CATALOG, dir);
        Path service = dir.resolve("services/demo-benefit");
        Files.writeString(service.resolve("uses-declared.drl"), USES_DECLARED);
        String drl = Files.readString(service.resolve("rules.drl")).replace("import uz.qaror.facts.*;\n",
                "import uz.qaror.facts.*;\n\ndeclare Adult\nend\n");
        Files.writeString(service.resolve("rules.drl"), drl);
        DecisionEngine.fromDirectory(dir).prepare("demo-benefit");
        return drl;
    }

    private static List<Diagnostic> compile(Path dir, String drl) throws Exception {
        Files.writeString(dir.resolve("services/demo-benefit/rules.drl"), drl);
        return catchThrowableOfType(() -> DecisionEngine.fromDirectory(dir).prepare("demo-benefit"),
                RulesException.class).diagnostics();
    }

    private static int lineOf(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }
}
