package uz.qaror.internal.build;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.definition.type.FactType;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

import uz.qaror.Decision;
import uz.qaror.Diagnostic;
import uz.qaror.RulesException;
import uz.qaror.internal.catalog.RuleFileKind;
import uz.qaror.internal.catalog.ServiceFolder;
import uz.qaror.internal.input.ReadingPlan;
import uz.qaror.internal.table.DecisionTable;
import uz.qaror.internal.table.TableException;

/**
 * Compiles a service folder into a {@link CompiledService} with the classic DRL compiler, which reports every
 * error of every file with its line (the executable model stops at the first and loses lines). A folder that
 * does not compile never reaches a decision: this throws with all its diagnostics.
 */
public final class ServiceCompiler {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");

    static {
        DroolsDates.install();
    }

    private ServiceCompiler() {
    }

    public static CompiledService compile(ServiceFolder folder) {
        checkDescriptor(folder);
        // The usual case first: every file compiles, and each is parsed once, by the build. Only when something
        // is wrong is it compiled again with each DRL file pre-parsed on its own, so that a syntax error is
        // reported at its cause (DrlSyntax) and the rest without what follows from it.
        Sources sources = Sources.of(folder, false);
        if (sources.diagnostics.isEmpty() && sources.syntaxErrors.isEmpty()) {
            KnowledgeBuilder builder = build(folder, sources);
            if (builder != null && !builder.hasErrors()) {
                return compiled(folder, builder, sources);
            }
        }
        return compileCarefully(folder);
    }

    /**
     * Compiles several services with one KnowledgeBuilder, each into a KieBase of its own: what a builder costs
     * before and beside the rules (its class loader, the types it resolves, its caches) is paid once for all of
     * them. Each KieBase holds only its service's package (and Drools' entries for the fact classes), so each
     * decides exactly as if compiled alone. The group's KieBases share the builder's class loader: it is collected
     * once none of them is in use any more.
     *
     * <p>Only what compiles cleanly is compiled together: a service whose descriptor or files have a problem is
     * left out, and when the shared build reports anything at all (an error or a warning) none of the group is
     * returned. The caller compiles what is missing with {@link #compile(ServiceFolder)}, alone, so that every
     * diagnostic is the one-service build's, exact and complete.
     *
     * @return the services compiled together, by id; those missing are to be compiled alone
     */
    public static Map<String, CompiledService> compileTogether(List<ServiceFolder> folders) {
        List<ServiceFolder> clean = new ArrayList<>();
        List<Sources> cleanSources = new ArrayList<>();
        for (ServiceFolder folder : folders) {
            try {
                checkDescriptor(folder);
            } catch (RulesException e) {
                continue;
            }
            Sources sources = Sources.of(folder, false);
            if (sources.diagnostics.isEmpty() && sources.syntaxErrors.isEmpty()) {
                clean.add(folder);
                cleanSources.add(sources);
            }
        }
        if (clean.size() < 2) {
            return Map.of();
        }
        KnowledgeBuilder builder = newBuilder();
        CompositeKnowledgeBuilder batch = builder.batch();
        cleanSources.forEach(sources -> sources.addTo(batch));
        try {
            batch.build();
        } catch (RuntimeException e) {
            return Map.of();
        }
        if (builder.hasErrors() || !builder.getResults(ResultSeverity.WARNING, ResultSeverity.INFO).isEmpty()) {
            return Map.of();
        }
        Set<String> servicePackages = new HashSet<>();
        clean.forEach(folder -> servicePackages.add(FormDeclaration.packageOf(folder.id())));
        Map<String, KiePackage> own = new HashMap<>();
        List<InternalKnowledgePackage> shared = new ArrayList<>();
        for (KiePackage kiePackage : builder.getKnowledgePackages()) {
            if (servicePackages.contains(kiePackage.getName())) {
                own.put(kiePackage.getName(), kiePackage);
            } else if (kiePackage.getRules().isEmpty() && kiePackage.getGlobalVariables().isEmpty()
                    && kiePackage.getFunctionNames().isEmpty()) {
                // What the builder records about the fact classes the rules use (uz.qaror.facts): every service
                // built alone has the entries for those it uses; together, each gets those of the whole group.
                shared.add((InternalKnowledgePackage) kiePackage);
            } else {
                return Map.of();
            }
        }
        Map<String, CompiledService> compiled = new HashMap<>();
        for (int i = 0; i < clean.size(); i++) {
            ServiceFolder folder = clean.get(i);
            KiePackage servicePackage = own.get(FormDeclaration.packageOf(folder.id()));
            if (servicePackage == null) {
                continue;
            }
            List<InternalKnowledgePackage> packages = new ArrayList<>(shared);
            packages.add((InternalKnowledgePackage) servicePackage);
            // As KnowledgeBuilder.newKieBase() makes one, with this service's packages only. Drools copies a
            // package already in another rule base (the shared ones) rather than share it.
            InternalRuleBase ruleBase = RuleBaseFactory.newRuleBase(KieServices.get().newKieBaseConfiguration());
            ruleBase.addPackages(packages);
            KieBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(ruleBase);
            compiled.put(folder.id(), assemble(folder, kieBase, ruleWarnings(kieBase, cleanSources.get(i)), false));
        }
        return compiled;
    }

    /**
     * The DRL texts a service's rules are compiled from, in order: the declarations generated from its
     * descriptor, its DRL files and its decision tables turned into DRL, each with its display name. For
     * compiling them with another Drools compiler (the prebuilt catalog's executable model).
     *
     * @throws RulesException with every diagnostic when the service does not compile with the classic compiler
     */
    public static List<DrlSource> drlSources(ServiceFolder folder) {
        compile(folder);
        Sources sources = Sources.of(folder, false);
        List<DrlSource> drl = new ArrayList<>();
        for (Sources.Entry entry : sources.entries) {
            drl.add(new DrlSource(entry.display(), entry.drl()));
        }
        return drl;
    }

    /** A DRL text and the name diagnostics give it. */
    public record DrlSource(String display, byte[] drl) {
    }

    /**
     * A service whose rules were compiled before (the prebuilt catalog): its KieBase with the descriptor, schema
     * and reason texts of its folder. The folder's version must be the one the KieBase was compiled from.
     */
    public static CompiledService prebuilt(ServiceFolder folder, KieBase kieBase) {
        return assemble(folder, kieBase, List.of(), true);
    }

    private static void checkDescriptor(ServiceFolder folder) {
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
    }

    /** The careful path: every diagnostic of every file, syntax errors at their cause. Always throws. */
    private static CompiledService compileCarefully(ServiceFolder folder) {
        Sources sources = Sources.of(folder, true);
        List<Diagnostic> diagnostics = new ArrayList<>(sources.diagnostics);
        List<Diagnostic> syntaxErrors = sources.syntaxErrors;
        if (!diagnostics.isEmpty()) {
            diagnostics.addAll(0, syntaxErrors);
            throw new RulesException("service '" + folder.id() + "' cannot be built", diagnostics);
        }
        KnowledgeBuilder builder = build(folder, sources);
        for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.ERROR)) {
            Diagnostic error = inTable(DroolsMessages.toDiagnostic(result, folder.displayDirectory(),
                    Diagnostic.Severity.ERROR), sources.tables);
            if (!DrlSyntax.mentionsAny(error.message(), sources.lost)) {
                diagnostics.add(error);
            }
        }
        if (!diagnostics.isEmpty() || !syntaxErrors.isEmpty()) {
            // Syntax errors first: what else is wrong may follow from them.
            diagnostics.sort(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line));
            diagnostics.addAll(0, syntaxErrors);
            throw new RulesException("service '" + folder.id() + "' cannot be built", diagnostics);
        }
        // The fast path failed where this one succeeds only if Drools' build is not repeatable: use this build.
        return compiled(folder, builder, sources);
    }

    /**
     * Compiles the sources; on the fast path null when a decision table cannot be parsed (the careful path then
     * reports it).
     */
    private static KnowledgeBuilder build(ServiceFolder folder, Sources sources) {
        KnowledgeBuilder builder = newBuilder();
        CompositeKnowledgeBuilder batch = builder.batch();
        sources.addTo(batch);
        try {
            batch.build();
        } catch (RuntimeException e) {
            if (!sources.careful) {
                return null;
            }
            // Decision tables that cannot be parsed throw instead of reporting.
            throw new RulesException("service '" + folder.id() + "' cannot be built",
                    List.of(Diagnostic.error(folder.displayDirectory(), 0, 0, DroolsMessages.rootMessage(e))));
        }
        return builder;
    }

    private static KnowledgeBuilder newBuilder() {
        // Rules are compiled against Qaror's own classes, never the calling thread's context class loader: a host's
        // loader may do more than answer (Spark's executors ask the driver for every class name Drools tries, and
        // fail the build for a name that is an expression, such as params.times("...", 1)).
        return KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, ServiceCompiler.class.getClassLoader()));
    }

    private static CompiledService compiled(ServiceFolder folder, KnowledgeBuilder builder, Sources sources) {
        List<Diagnostic> warnings = new ArrayList<>();
        for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.WARNING)) {
            warnings.add(inTable(DroolsMessages.toDiagnostic(result, folder.displayDirectory(),
                    Diagnostic.Severity.WARNING), sources.tables));
        }
        KieBase kieBase = builder.newKieBase();
        warnings.addAll(ruleWarnings(kieBase, sources));
        return assemble(folder, kieBase, warnings, false);
    }

    /** Qaror's own warnings about the rules, beside Drools' (the builder's). */
    private static List<Diagnostic> ruleWarnings(KieBase kieBase, Sources sources) {
        List<Diagnostic> warnings = new ArrayList<>(EvalWarnings.of(kieBase, sources.drlTexts, sources.tables));
        warnings.addAll(ConditionalWarnings.of(sources.drlTexts, sources.tables));
        return warnings;
    }

    private static CompiledService assemble(ServiceFolder folder, KieBase kieBase, List<Diagnostic> warnings,
                                            boolean prebuilt) {
        String expectedPackage = FormDeclaration.packageOf(folder.id());
        FactType formType = kieBase.getFactType(expectedPackage, "Form");
        List<CompiledService.RuleInfo> rules = new ArrayList<>();
        Map<Rule, Decision.FiredRule> firedRules = new IdentityHashMap<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                Decision.FiredRule fired = CompiledService.firedRule(rule);
                firedRules.put(rule, fired);
                rules.add(new CompiledService.RuleInfo(fired.name(), fired.legalBasis()));
            }
        }
        rules.sort(Comparator.comparing(CompiledService.RuleInfo::name));
        Map<String, Class<?>> formFields = FormDeclaration.formFields(folder.descriptor());
        return new CompiledService(folder, kieBase, formType, formFields,
                ApplicationSchema.forService(folder.descriptor()), rules, firedRules, warnings,
                new uz.qaror.internal.run.ReasonTexts.Cache(folder.reasons()),
                new uz.qaror.internal.run.Sessions(kieBase),
                uz.qaror.internal.run.MatchedFacts.of(kieBase, formType == null ? null : formType.getFactClass()),
                prebuilt, ReadingPlan.of(folder.descriptor(), formFields),
                new uz.qaror.internal.run.Fees(folder.descriptor().fee()));
    }

    /**
     * What a service compiles from: the DRL of each file that can be compiled, and the diagnostics of those
     * that cannot. Read carefully, each DRL file is pre-parsed and one with a syntax error left out; otherwise
     * only the cheap textual checks are made.
     */
    private static final class Sources {
        record Entry(String display, byte[] drl) {
        }

        final boolean careful;
        final List<Entry> entries = new ArrayList<>();
        final List<Diagnostic> diagnostics = new ArrayList<>();
        final List<Diagnostic> syntaxErrors = new ArrayList<>();
        final Map<String, DecisionTable> tables = new HashMap<>();
        final Map<String, String> drlTexts = new HashMap<>();
        final Set<String> lost = new HashSet<>();

        private Sources(boolean careful) {
            this.careful = careful;
        }

        void addTo(CompositeKnowledgeBuilder batch) {
            for (Entry entry : entries) {
                Resource resource = ResourceFactory.newByteArrayResource(entry.drl());
                resource.setSourcePath(entry.display());
                batch.add(resource, ResourceType.DRL);
            }
        }

        static Sources of(ServiceFolder folder, boolean careful) {
            Sources sources = new Sources(careful);
            String expectedPackage = FormDeclaration.packageOf(folder.id());
            sources.entries.add(new Entry(folder.displayDirectory() + "/(inputs of service.yaml)",
                    FormDeclaration.drl(folder.descriptor()).getBytes(StandardCharsets.UTF_8)));
            for (Path file : folder.ruleFiles()) {
                String display = folder.display(file);
                byte[] content = folder.content(file); // the bytes the version hashed, never a second read
                RuleFileKind kind = RuleFileKind.of(file.getFileName().toString());
                if (kind == RuleFileKind.DRL) {
                    sources.addDrl(display, content, expectedPackage);
                } else {
                    sources.addTable(file, display, content, expectedPackage);
                }
            }
            return sources;
        }

        private void addDrl(String display, byte[] content, String expectedPackage) {
            String drl = new String(content, StandardCharsets.UTF_8);
            drlTexts.put(display, drl);
            Resource resource = ResourceFactory.newByteArrayResource(content);
            resource.setSourcePath(display);
            List<Diagnostic> syntax = careful ? DrlSyntax.check(drl, resource) : DrlSyntax.quickCheck(drl, resource);
            if (syntax.isEmpty()) {
                checkPackage(drl, expectedPackage, display).ifPresent(diagnostics::add);
                entries.add(new Entry(display, content));
            } else {
                // The file is left out; the others are compiled for their own errors, but not for those that
                // only follow from what this one declares (a type, a function) being missing.
                syntaxErrors.addAll(syntax);
                lost.addAll(DrlSyntax.declaredNames(drl));
            }
        }

        private void addTable(Path file, String display, byte[] content, String expectedPackage) {
            // The table is turned into DRL here rather than by the builder, so that it can be read as
            // spreadsheet programs save it, and errors in the generated DRL placed at the table's cells.
            DecisionTable table;
            try {
                table = DecisionTable.read(file, content, display);
            } catch (TableException e) {
                diagnostics.add(e.diagnostic());
                return;
            }
            if (!expectedPackage.equals(table.packageName())) {
                int[] cell = table.ruleSetCell();
                int[] at = table.grid().position(cell[0], cell[1]);
                diagnostics.add(Diagnostic.error(display, at[0], at[1], table.grid().describe(cell[0], cell[1])
                        + ": the table's RuleSet is '" + table.packageName() + "'; it should be '"
                        + expectedPackage + "': every rule file of a service shares its package"));
                return;
            }
            tables.put(display, table);
            entries.add(new Entry(display, table.drl().getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** A diagnostic in a decision table, moved from its line of generated DRL to the table's cell. */
    private static Diagnostic inTable(Diagnostic diagnostic, Map<String, DecisionTable> tables) {
        DecisionTable table = tables.get(diagnostic.file());
        return table == null ? diagnostic : table.locate(diagnostic);
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
}
