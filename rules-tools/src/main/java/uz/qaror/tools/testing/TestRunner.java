package uz.qaror.tools.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import uz.qaror.Decision;
import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.Fee;
import uz.qaror.Language;
import uz.qaror.Reason;
import uz.qaror.Result;
import uz.qaror.internal.Internals;
import uz.qaror.internal.build.CompiledService;

/**
 * Runs services' test cases on the real engine and measures rule coverage: which rules some case fired.
 */
public final class TestRunner {

    /** All results of one service, with its rules and those that no case fired. */
    public record ServiceReport(String service, List<CaseResult> results, List<String> rules,
                                List<String> unfiredRules) {

        public ServiceReport {
            results = List.copyOf(results);
            rules = List.copyOf(rules);
            unfiredRules = List.copyOf(unfiredRules);
        }

        public long failures() {
            return results.stream().filter(r -> !r.passed()).count();
        }
    }

    private TestRunner() {
    }

    /**
     * Runs the cases of several services on up to {@code threads} threads and gives their reports in the order of
     * {@code serviceIds}. A service that does not compile or has a broken test file throws as {@link #run} does;
     * when several do, the first of them in that order, whichever broke first, so that a run says the same each
     * time.
     */
    public static List<ServiceReport> runAll(DecisionEngine engine, List<String> serviceIds, int threads) {
        int size = Math.max(1, Math.min(threads, serviceIds.size()));
        ExecutorService pool = Executors.newFixedThreadPool(size, task -> {
            Thread thread = new Thread(task, "qaror-test");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<ServiceReport>> running = new ArrayList<>();
            for (String id : serviceIds) {
                running.add(pool.submit(() -> run(engine, id)));
            }
            List<ServiceReport> reports = new ArrayList<>();
            for (Future<ServiceReport> report : running) {
                reports.add(report.get());
            }
            return reports;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException broken) {
                throw broken;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the tests", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs the cases of one service.
     *
     * @throws uz.qaror.RulesException when the service does not compile or a test file is broken
     */
    public static ServiceReport run(DecisionEngine engine, String serviceId) {
        CompiledService service = Internals.compiled(engine, serviceId);
        List<TestCase> cases = TestSuiteReader.read(service.folder());
        List<CaseResult> results = new ArrayList<>();
        Set<String> fired = new LinkedHashSet<>();
        for (TestCase testCase : cases) {
            List<String> differences = new ArrayList<>();
            List<String> firedRules = List.of();
            if (testCase.expect() != null) {
                Result result = engine.evaluate(testCase.application(), testCase.asOf());
                firedRules = result instanceof Decision d
                        ? d.firedRules().stream().map(Decision.FiredRule::name).toList() : List.of();
                differences.addAll(compare(testCase.expect(), result));
            }
            if (testCase.screen() != null) {
                differences.addAll(ScreeningCases.compare(engine, testCase));
            }
            fired.addAll(firedRules);
            results.add(new CaseResult(serviceId, testCase, differences, firedRules));
        }
        List<String> rules = service.rules().stream().map(CompiledService.RuleInfo::name).toList();
        List<String> unfired = rules.stream().filter(r -> !fired.contains(r)).toList();
        return new ServiceReport(serviceId, results, rules, unfired);
    }

    static List<String> compare(Expectation expect, Result result) {
        List<String> differences = new ArrayList<>();
        if (result instanceof Failure failure) {
            if (expect.error() == null) {
                differences.add("expected outcome " + expect.outcome() + ", got error " + failure.kind() + ": "
                        + failure.describe());
            } else {
                if (!expect.error().equals(failure.kind().name())) {
                    differences.add("expected error " + expect.error() + ", got error " + failure.kind() + ": "
                            + failure.describe());
                }
                if (expect.errorPath() != null
                        && failure.problems().stream().noneMatch(p -> p.path().equals(expect.errorPath()))) {
                    differences.add("expected an error at " + expect.errorPath() + ", got " + failure.describe());
                }
            }
            return differences;
        }
        Decision decision = (Decision) result;
        if (expect.error() != null) {
            differences.add("expected error " + expect.error() + ", got outcome " + decision.outcome());
            return differences;
        }
        if (!expect.outcome().equals(decision.outcome().name())) {
            differences.add("outcome: expected " + expect.outcome() + ", got " + decision.outcome()
                    + " (reasons " + codes(decision) + ")");
        }
        if (expect.reasons() != null && !new TreeSet<>(expect.reasons()).equals(codes(decision))) {
            differences.add("reasons: expected " + new TreeSet<>(expect.reasons()) + ", got " + codes(decision));
        }
        if (expect.missing() != null && !new TreeSet<>(expect.missing()).equals(new TreeSet<>(decision.missing()))) {
            differences.add("missing: expected " + new TreeSet<>(expect.missing()) + ", got "
                    + new TreeSet<>(decision.missing()));
        }
        if (expect.amounts() != null) {
            Map<String, BigDecimal> actual = new LinkedHashMap<>();
            decision.amounts().forEach(a -> actual.put(a.code(), a.value()));
            expect.amounts().forEach((code, value) -> {
                BigDecimal got = actual.get(code);
                if (got == null || got.compareTo(value) != 0) {
                    differences.add("amount " + code + ": expected " + value.toPlainString() + ", got "
                            + (got == null ? "none" : got.toPlainString()));
                }
            });
            for (String code : actual.keySet()) {
                if (!expect.amounts().containsKey(code)) {
                    differences.add("amount " + code + ": not expected, got " + actual.get(code).toPlainString());
                }
            }
        }
        if (expect.fee() != null) {
            if (decision.fee() == null) {
                differences.add("fee: expected one, got none");
            } else {
                if (expect.fee().bca() != null && expect.fee().bca().compareTo(decision.fee().totalBca()) != 0) {
                    differences.add("fee: expected " + expect.fee().bca().toPlainString() + " BCA, got "
                            + decision.fee().totalBca().toPlainString());
                }
                if (expect.fee().soum() != null && expect.fee().soum().compareTo(decision.fee().totalSoum()) != 0) {
                    differences.add("fee: expected " + expect.fee().soum().toPlainString() + " soum, got "
                            + decision.fee().totalSoum().toPlainString());
                }
                List<String> components = decision.fee().components().stream().map(Fee.Component::code).toList();
                if (expect.fee().components() != null && !expect.fee().components().equals(components)) {
                    differences.add("fee components: expected " + expect.fee().components() + ", got " + components);
                }
            }
        }
        if (expect.messages() != null) {
            expect.messages().forEach((tag, text) -> {
                Language language = Language.fromTag(tag);
                // Sums are grouped with no-break spaces, which nobody types: any space matches any space.
                boolean found = decision.reasons().stream().map(r -> spaces(r.message(language)))
                        .anyMatch(m -> m.contains(spaces(text)));
                if (!found) {
                    differences.add("message (" + tag + "): expected a reason containing '" + text + "', got "
                            + decision.reasons().stream().map(r -> r.message(language)).toList());
                }
            });
        }
        return differences;
    }

    private static String spaces(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2009', ' ');
    }

    private static TreeSet<String> codes(Decision decision) {
        TreeSet<String> codes = new TreeSet<>();
        for (Reason reason : decision.reasons()) {
            codes.add(reason.code());
        }
        return codes;
    }
}
