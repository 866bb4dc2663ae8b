package uz.qaror.tools.testing;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Rule coverage of test runs: for each service, the rules that some case fired out of all its rules. A rule no
 * case fires is a rule whose behaviour nobody has checked, so policy teams track this number.
 */
public record Coverage(List<ServiceCoverage> services) {

    public Coverage {
        services = List.copyOf(services);
    }

    /** One service's coverage, with the names of the rules no case fired. */
    public record ServiceCoverage(String service, int fired, int total, List<String> unfired) {

        public ServiceCoverage {
            unfired = List.copyOf(unfired);
        }

        /** {@code marriage-registration: 9/10 rules; not fired: "Close relatives"}. */
        public String describe() {
            String line = service + ": " + fired + "/" + total + " rules";
            if (unfired.isEmpty()) {
                return line;
            }
            return line + "; not fired: " + unfired.stream().map(name -> "\"" + name + "\"")
                    .collect(Collectors.joining(", "));
        }
    }

    public static Coverage of(List<TestRunner.ServiceReport> reports) {
        return new Coverage(reports.stream().map(report -> new ServiceCoverage(report.service(),
                report.rules().size() - report.unfiredRules().size(), report.rules().size(),
                report.unfiredRules())).toList());
    }

    public int fired() {
        return services.stream().mapToInt(ServiceCoverage::fired).sum();
    }

    public int total() {
        return services.stream().mapToInt(ServiceCoverage::total).sum();
    }

    /** The share of rules fired, in percent; 100 when there are no rules, since nothing is left unchecked. */
    public double percent() {
        return total() == 0 ? 100.0 : 100.0 * fired() / total();
    }

    /** Whether coverage is below {@code minimumPercent}, compared exactly rather than after rounding. */
    public boolean isBelow(double minimumPercent) {
        return total() == 0 ? minimumPercent > 100.0 : fired() * 100.0 < minimumPercent * total();
    }

    /** {@code rule coverage: 90.0% (9 of 10 rules)}. */
    public String describeTotal() {
        return String.format(Locale.ROOT, "rule coverage: %.1f%% (%d of %d rules)", percent(), fired(), total());
    }
}
