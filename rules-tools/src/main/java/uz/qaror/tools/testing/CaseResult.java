package uz.qaror.tools.testing;

import java.util.List;

/** The result of one test case: the differences between expected and actual (none when it passed). */
public record CaseResult(String service, TestCase testCase, List<String> differences, List<String> firedRules) {

    public CaseResult {
        differences = List.copyOf(differences);
        firedRules = List.copyOf(firedRules);
    }

    public boolean passed() {
        return differences.isEmpty();
    }
}
