package uz.qaror.internal.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.extensions.DecisionTableFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.definition.type.FactType;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.DecisionTableConfiguration;
import org.kie.internal.builder.DecisionTableInputType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

import uz.qaror.Diagnostic;
import uz.qaror.RulesException;
import uz.qaror.internal.catalog.RuleFileKind;
import uz.qaror.internal.catalog.ServiceFolder;

/**
 * Compiles a service folder into a {@link CompiledService} with the classic DRL compiler, which reports every
 * error of every file with its line (the executable model stops at the first and loses lines). A folder that
 * does not compile never reaches a decision: this throws with all its diagnostics.
 */
public final class ServiceCompiler {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");

    static {
        // Rules' date-effective / date-expires are written as ISO dates, like every other date in the catalog.
        if (System.getProperty("drools.dateformat") == null) {
            System.setProperty("drools.dateformat", "yyyy-MM-dd");
        }
    }

    private ServiceCompiler() {
    }

    public static CompiledService compile(ServiceFolder folder) {
        String descriptorFile = folder.displayDirectory() + "/service.yaml";
        List<Diagnostic> diagnostics = new ArrayList<>(FormDeclaration.check(folder.descriptor(), descriptorFile));
        diagnostics.addAll(uz.qaror.internal.screen.ConcernsCheck.check(folder.descriptor(), descriptorFile));
        if (folder.ruleFiles().isEmpty()) {
            diagnostics.add(Diagnostic.error(descriptorFile, 0, 0,
                    "the service has no rule files (*.drl, *.drl.csv, *.drl.xls, *.drl.xlsx)"));
        }
        if (!diagnostics.isEmpty()) {
            throw new RulesException("service '" + folder.id() + "' cannot be built", diagnostics);
        }
        String expectedPackage = FormDeclaration.packageOf(folder.id());
        List<Diagnostic> syntaxErrors = new ArrayList<>();
        Map<String, TableRows> tables = new HashMap<>();
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        CompositeKnowledgeBuilder batch = builder.batch();
        Resource generated = ResourceFactory.newByteArrayResource(
                FormDeclaration.drl(folder.descriptor()).getBytes(StandardCharsets.UTF_8));
        generated.setSourcePath(folder.displayDirectory() + "/(inputs of service.yaml)");
        batch.add(generated, ResourceType.DRL);
        for (Path file : folder.ruleFiles()) {
            String display = folder.display(file);
            byte[] content = read(file);
            RuleFileKind kind = RuleFileKind.of(file.getFileName().toString());
            Resource resource = ResourceFactory.newByteArrayResource(content);
            resource.setSourcePath(display);
            if (kind == RuleFileKind.DRL) {
                String drl = new String(content, StandardCharsets.UTF_8);
                List<Diagnostic> syntax = DrlSyntax.check(drl, resource);
                if (syntax.isEmpty()) {
                    checkPackage(drl, expectedPackage, display).ifPresent(diagnostics::add);
                    batch.add(resource, ResourceType.DRL);
                } else {
                    // Compile the other files anyway, so that their errors are reported too.
                    syntaxErrors.addAll(syntax);
                }
            } else if (kind != RuleFileKind.DECISION_TABLE_CSV && !Workbooks.readable()) {
                diagnostics.add(Diagnostic.error(display, 0, 0, "an Excel workbook table needs Apache POI, which "
                        + "the optional module uz.qaror:rules-spreadsheet brings: add it beside rules-core, or save "
                        + "the table as CSV (" + file.getFileName().toString().replaceAll("\\.xlsx?$", ".csv") + ")"));
            } else {
                // The table is turned into DRL here rather than by the builder, so that errors in the generated
                // DRL can be placed at the table's row (see TableRows).
                DecisionTableConfiguration configuration = KnowledgeBuilderFactory.newDecisionTableConfiguration();
                configuration.setInputType(kind == RuleFileKind.DECISION_TABLE_CSV
                        ? DecisionTableInputType.CSV : DecisionTableInputType.XLS);
                String drl;
                try {
                    drl = Objects.requireNonNullElse(DecisionTableFactory.loadFromResource(resource, configuration),
                            "");
                } catch (RuntimeException e) {
                    // A table that cannot be read throws instead of reporting.
                    diagnostics.add(Diagnostic.error(display, 0, 0, "cannot read the decision table: "
                            + DroolsMessages.rootMessage(e)));
                    continue;
                }
                Resource generatedDrl = ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8));
                generatedDrl.setSourcePath(display);
                tables.put(display, TableRows.of(drl));
                batch.add(generatedDrl, ResourceType.DRL);
            }
        }
        if (!diagnostics.isEmpty()) {
            throw new RulesException("service '" + folder.id() + "' cannot be built", diagnostics);
        }
        try {
            batch.build();
        } catch (RuntimeException e) {
            // Decision tables that cannot be parsed throw instead of reporting.
            throw new RulesException("service '" + folder.id() + "' cannot be built",
                    List.of(Diagnostic.error(folder.displayDirectory(), 0, 0, DroolsMessages.rootMessage(e))));
        }
        diagnostics.addAll(syntaxErrors);
        for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.ERROR)) {
            diagnostics.add(inTable(DroolsMessages.toDiagnostic(result, folder.displayDirectory(),
                    Diagnostic.Severity.ERROR), tables));
        }
        if (!diagnostics.isEmpty()) {
            diagnostics.sort(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line));
            throw new RulesException("service '" + folder.id() + "' cannot be built", diagnostics);
        }
        List<Diagnostic> warnings = new ArrayList<>();
        for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.WARNING)) {
            warnings.add(inTable(DroolsMessages.toDiagnostic(result, folder.displayDirectory(),
                    Diagnostic.Severity.WARNING), tables));
        }
        KieBase kieBase = builder.newKieBase();
        FactType formType = kieBase.getFactType(expectedPackage, "Form");
        List<CompiledService.RuleInfo> rules = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                rules.add(new CompiledService.RuleInfo(rule.getName(), RuleMetadata.legalBasis(rule)));
            }
        }
        rules.sort(Comparator.comparing(CompiledService.RuleInfo::name));
        return new CompiledService(folder, kieBase, formType, FormDeclaration.formFields(folder.descriptor()),
                ApplicationSchema.forService(folder.descriptor()), rules, warnings,
                new uz.qaror.internal.run.ReasonTexts.Cache(folder.reasons()));
    }

    /** A diagnostic in a decision table, moved from its line of generated DRL to the table's row. */
    private static Diagnostic inTable(Diagnostic diagnostic, Map<String, TableRows> tables) {
        TableRows rows = tables.get(diagnostic.file());
        if (rows == null) {
            return diagnostic;
        }
        int row = rows.rowOf(diagnostic.line());
        return new Diagnostic(diagnostic.file(), row, row == 0 ? 0 : 1, diagnostic.severity(),
                diagnostic.message());
    }

    private static java.util.Optional<Diagnostic> checkPackage(String drl, String expected, String display) {
        Matcher matcher = PACKAGE.matcher(drl);
        if (!matcher.find()) {
            return java.util.Optional.of(Diagnostic.error(display, 1, 1,
                    "the file has no package line; start it with: package " + expected + ";"));
        }
        if (!matcher.group(1).equals(expected)) {
            int line = (int) drl.substring(0, matcher.start(1)).chars().filter(c -> c == '\n').count() + 1;
            return java.util.Optional.of(Diagnostic.error(display, line, 1, "package '" + matcher.group(1)
                    + "' should be '" + expected + "': every rule file of a service shares its package"));
        }
        return java.util.Optional.empty();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
