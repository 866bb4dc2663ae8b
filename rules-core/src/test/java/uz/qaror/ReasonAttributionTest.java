package uz.qaror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each reason names the rule that gave it and that rule's legal basis, when several rules fire one after another:
 * the rule firing at the time is the one the decision sheet records with the reason.
 */
class ReasonAttributionTest {

    @Test
    void eachReasonNamesTheRuleThatGaveIt(@TempDir Path dir) throws Exception {
        DecisionEngineTest.copy(DecisionEngineTest.CATALOG, dir);
        Files.writeString(dir.resolve("services/silent/rules.drl"), """
                package qaror.service.silent;

                import uz.qaror.facts.*;

                global uz.qaror.facts.DecisionSheet decision;

                rule "First"
                    @legalBasis("Act 1")
                    salience 30
                when
                    Applicant()
                then
                    decision.refer("FIRST");
                end

                rule "Second"
                    @legalBasis("Act 2")
                    salience 20
                when
                    Applicant()
                then
                    decision.refer("SECOND");
                end

                rule "Third"
                    @legalBasis("Act 3")
                    salience 10
                when
                    Applicant()
                then
                    decision.refer("THIRD");
                end
                """);
        DecisionEngine engine = DecisionEngine.fromDirectory(dir);
        Decision decision = engine.decide(DecisionEngineTest.application("silent", "2024-06-01T10:00:00+05:00",
                "1990-01-01", "{}"));

        assertThat(decision.reasons()).extracting(Reason::code, Reason::rule, Reason::legalBasis).containsExactly(
                tuple("FIRST", "First", "Act 1"),
                tuple("SECOND", "Second", "Act 2"),
                tuple("THIRD", "Third", "Act 3"));
        assertThat(decision.firedRules()).extracting(Decision.FiredRule::name)
                .isEqualTo(List.of("First", "Second", "Third"));
    }
}
