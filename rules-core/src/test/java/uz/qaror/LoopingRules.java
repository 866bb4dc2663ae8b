package uz.qaror;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rules that never end on their own: the test catalog's service {@code silent} made to trigger itself again. */
public final class LoopingRules {

    private LoopingRules() {
    }

    /**
     * Rewrites service {@code silent} of a copy of the test catalog: its one rule does {@code eachFiring} (Java;
     * empty for nothing) and updates the applicant, which matches the rule again.
     */
    public static void write(Path rules, String eachFiring) throws IOException {
        Files.writeString(rules.resolve("services/silent/rules.drl"), """
                package qaror.service.silent;

                import uz.qaror.facts.*;

                rule "Looks again and again"
                    @legalBasis("Test act")
                when
                    $applicant : Applicant()
                then
                %s
                    update($applicant);
                end
                """.formatted(eachFiring));
    }
}
