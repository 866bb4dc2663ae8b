package uz.qaror.internal.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uz.qaror.ServiceDescriptor.Concerns;
import uz.qaror.ServiceDescriptor.MemberCondition;
import uz.qaror.ServiceDescriptor.Range;
import uz.qaror.facts.Applicant;
import uz.qaror.facts.Member;

/** Whom a service concerns: what is known decides, what is unknown never excludes. */
class ConcernsCheckTest {

    static Applicant applicant(Integer age, String sex, String citizenship, Integer disabilityGroup) {
        return new Applicant(null, null, age, sex, citizenship, disabilityGroup, null, null, null, null, null, null);
    }

    static Member member(String relation, Integer age) {
        return new Member(null, age == null ? null : LocalDate.of(2000, 1, 1), age, null, null, null, relation,
                null, false, false);
    }

    static ConcernsCheck.Household household(Applicant applicant, List<Member> members) {
        return new ConcernsCheck.Household(applicant, members, Set.of("passport-copy"), Set.of("answered"));
    }

    static Concerns concerns(Range age, String sex, Boolean citizen, Boolean disabled, MemberCondition has,
                             MemberCondition no, List<String> documents, List<String> answers) {
        return new Concerns(age, sex, citizen, disabled, has, no, documents, answers, null);
    }

    static final Applicant ADULT = applicant(40, "F", "UZ", null);

    @Test
    void noDeclarationConcernsEveryone() {
        assertThat(ConcernsCheck.excluded(null, household(ADULT, List.of()))).isEmpty();
    }

    @Test
    void theApplicantsKnownFactsDecide() {
        Concerns elderly = concerns(new Range(60, null), null, null, null, null, null, null, null);
        assertThat(ConcernsCheck.excluded(elderly, household(ADULT, List.of()))).contains("age 60..");
        assertThat(ConcernsCheck.excluded(elderly, household(applicant(60, "F", "UZ", null), List.of()))).isEmpty();
        assertThat(ConcernsCheck.excluded(elderly, household(applicant(null, "F", "UZ", null), List.of())))
                .as("an unknown age never excludes").isEmpty();

        Concerns foreigners = concerns(null, null, false, null, null, null, null, null);
        assertThat(ConcernsCheck.excluded(foreigners, household(ADULT, List.of()))).contains("not a citizen");
        assertThat(ConcernsCheck.excluded(foreigners, household(applicant(40, "F", "KZ", null), List.of())))
                .isEmpty();
        assertThat(ConcernsCheck.excluded(foreigners, household(applicant(40, "F", null, null), List.of())))
                .isEmpty();

        Concerns disabled = concerns(null, null, null, true, null, null, null, null);
        assertThat(ConcernsCheck.excluded(disabled, household(ADULT, List.of()))).isPresent();
        assertThat(ConcernsCheck.excluded(disabled, household(applicant(40, "F", "UZ", 2), List.of()))).isEmpty();

        Concerns men = concerns(null, "M", null, null, null, null, null, null);
        assertThat(ConcernsCheck.excluded(men, household(ADULT, List.of()))).contains("sex M");
        assertThat(ConcernsCheck.excluded(men, household(applicant(40, null, null, null), List.of()))).isEmpty();
    }

    @Test
    void aMemberWhoMayBeOneCountsForHasMemberAndOnlyOneWhoSurelyIsCountsForNoMember() {
        MemberCondition minor = new MemberCondition("child", new Range(null, 17), null);
        Concerns families = concerns(null, null, null, null, minor, null, null, null);
        Concerns childless = concerns(null, null, null, null, null, minor, null, null);
        List<Member> grownUp = List.of(member("child", 25));
        List<Member> young = List.of(member("spouse", 40), member("child", 4));
        List<Member> unknownAge = List.of(member("child", null));

        assertThat(ConcernsCheck.excluded(families, household(ADULT, grownUp))).contains("a member: child aged ..17");
        assertThat(ConcernsCheck.excluded(families, household(ADULT, young))).isEmpty();
        assertThat(ConcernsCheck.excluded(families, household(ADULT, unknownAge))).isEmpty();
        assertThat(ConcernsCheck.excluded(families, household(ADULT, List.of()))).isPresent();

        assertThat(ConcernsCheck.excluded(childless, household(ADULT, grownUp))).isEmpty();
        assertThat(ConcernsCheck.excluded(childless, household(ADULT, young))).contains("no member: child aged ..17");
        assertThat(ConcernsCheck.excluded(childless, household(ADULT, unknownAge))).isEmpty();
    }

    @Test
    void documentsAndAnswersNeedOneOfThoseNamed() {
        assertThat(ConcernsCheck.excluded(concerns(null, null, null, null, null, null,
                List.of("death-certificate", "passport-copy"), null), household(ADULT, List.of()))).isEmpty();
        assertThat(ConcernsCheck.excluded(concerns(null, null, null, null, null, null,
                List.of("death-certificate"), null), household(ADULT, List.of()))).contains("documents: death-certificate");
        assertThat(ConcernsCheck.excluded(concerns(null, null, null, null, null, null, null,
                List.of("licenceNumber")), household(ADULT, List.of()))).contains("answers: licenceNumber");
    }

    @Test
    void everyConditionMustHoldAndAnyOfNeedsOne() {
        Concerns both = new Concerns(new Range(18, null), null, null, null, null,
                new MemberCondition("spouse", null, null), null, null, null);
        assertThat(ConcernsCheck.excluded(both, household(ADULT, List.of()))).isEmpty();
        assertThat(ConcernsCheck.excluded(both, household(ADULT, List.of(member("spouse", 41))))).isPresent();
        assertThat(ConcernsCheck.excluded(both, household(applicant(16, "F", "UZ", null), List.of()))).isPresent();

        Concerns pensionAge = new Concerns(null, null, null, null, null, null, null, null, List.of(
                concerns(new Range(55, null), "F", null, null, null, null, null, null),
                concerns(new Range(60, null), "M", null, null, null, null, null, null)));
        assertThat(ConcernsCheck.excluded(pensionAge, household(applicant(56, "F", "UZ", null), List.of()))).isEmpty();
        assertThat(ConcernsCheck.excluded(pensionAge, household(applicant(56, "M", "UZ", null), List.of())))
                .contains("one of: age 55.., sex F | age 60.., sex M");
    }
}
