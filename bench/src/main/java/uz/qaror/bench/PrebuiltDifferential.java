package uz.qaror.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import uz.qaror.Decision;
import uz.qaror.DecisionEngine;
import uz.qaror.Failure;
import uz.qaror.Result;
import uz.qaror.internal.Internals;
import uz.qaror.tools.generate.ApplicationGenerator;
import uz.qaror.tools.testing.DecisionComparison;

/**
 * The differential run at scale: N generated applications (default 100,000; seed 2026, 1% invalid) decided by the
 * embedded catalog's prebuilt rules (Drools' executable model, compiled when Qaror is built) and by the same rules
 * compiled at run time with the classic compiler, compared as their decision JSON in every language. Exits 1 on
 * any difference, or when a service did not load prebuilt. Usage: {@code PrebuiltDifferential [N] [SEED]}.
 */
public final class PrebuiltDifferential {

    private static final int SHOWN = 5;

    private PrebuiltDifferential() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 2026;
        try (DecisionEngine prebuilt = DecisionEngine.embedded();
                DecisionEngine compiled = DecisionEngine.builder().prebuiltRules(false).build()) {
            if (!prebuilt.prepareAll().isEmpty() || !compiled.prepareAll().isEmpty()) {
                throw new IllegalStateException("the embedded catalog does not compile");
            }
            List<String> notPrebuilt = prebuilt.serviceIds().stream()
                    .filter(id -> !Internals.compiled(prebuilt, id).prebuilt()).toList();
            if (!notPrebuilt.isEmpty()) {
                System.out.println("not loaded prebuilt (rules-catalog-prebuilt missing or stale): " + notPrebuilt);
                System.exit(1);
            }
            ApplicationGenerator generator = new ApplicationGenerator(compiled.services(), seed, 0.01);
            Map<Failure.Kind, Integer> failures = new EnumMap<>(Failure.Kind.class);
            List<String> differences = new ArrayList<>();
            int decided = 0;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                int index = i;
                String application = generator.line(index);
                Result fast = prebuilt.evaluate(application);
                Optional<String> difference = DecisionComparison.difference(fast, compiled.evaluate(application));
                difference.ifPresent(text -> differences.add("application " + index + " " + text));
                if (fast instanceof Decision) {
                    decided++;
                } else if (fast instanceof Failure failure) {
                    failures.merge(failure.kind(), 1, Integer::sum);
                }
            }
            System.out.printf(Locale.ROOT,
                    "%d applications (seed %d) over %d services in %.0f s: %d decisions, failures %s; %d differences%n",
                    count, seed, prebuilt.serviceIds().size(), (System.nanoTime() - start) / 1e9, decided, failures,
                    differences.size());
            differences.stream().limit(SHOWN).forEach(System.out::println);
            if (!differences.isEmpty()) {
                System.exit(1);
            }
        }
    }
}
