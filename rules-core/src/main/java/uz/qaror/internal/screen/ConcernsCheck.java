package uz.qaror.internal.screen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import uz.qaror.Diagnostic;
import uz.qaror.ServiceDescriptor;
import uz.qaror.ServiceDescriptor.Concerns;
import uz.qaror.ServiceDescriptor.MemberCondition;
import uz.qaror.ServiceDescriptor.Range;
import uz.qaror.facts.Applicant;
import uz.qaror.facts.Member;

/**
 * Decides whether a service concerns a household, from the {@code concerns:} its descriptor declares, and checks
 * such declarations. A fact that is unknown never excludes: only what is known about the household can put it
 * outside a service.
 */
public final class ConcernsCheck {

    private static final Set<String> SEXES = Set.of("M", "F");
    private static final Set<String> RELATIONS = Set.of("spouse", "child", "parent", "sibling", "grandchild",
            "grandparent", "other");

    private ConcernsCheck() {
    }

    /** What is known about a household, as far as {@code concerns:} can ask. */
    public record Household(Applicant applicant, List<Member> members, Set<String> documentTypes,
                            Set<String> answers) {
    }

    /**
     * The condition that puts the household outside the service, written as the descriptor's conditions read
     * ({@code age 55..}, {@code a member: child aged ..17}); empty when the service concerns it.
     */
    public static Optional<String> excluded(Concerns concerns, Household household) {
        if (concerns == null) {
            return Optional.empty();
        }
        Applicant applicant = household.applicant();
        if (concerns.age() != null && applicant.getAge() != null && !concerns.age().contains(applicant.getAge())) {
            return Optional.of("age " + range(concerns.age()));
        }
        if (concerns.sex() != null && applicant.getSex() != null && !concerns.sex().equals(applicant.getSex())) {
            return Optional.of("sex " + concerns.sex());
        }
        if (concerns.citizen() != null && applicant.getCitizenship() != null
                && concerns.citizen() != applicant.isCitizen()) {
            return Optional.of(concerns.citizen() ? "citizen" : "not a citizen");
        }
        if (concerns.disabled() != null && concerns.disabled() != (applicant.getDisabilityGroup() != null)) {
            return Optional.of(concerns.disabled() ? "with a disability group" : "without a disability group");
        }
        if (concerns.hasMember() != null
                && household.members().stream().noneMatch(m -> mayBe(m, concerns.hasMember()))) {
            return Optional.of("a member: " + member(concerns.hasMember()));
        }
        if (concerns.noMember() != null
                && household.members().stream().anyMatch(m -> surelyIs(m, concerns.noMember()))) {
            return Optional.of("no member: " + member(concerns.noMember()));
        }
        if (!concerns.documents().isEmpty()
                && concerns.documents().stream().noneMatch(household.documentTypes()::contains)) {
            return Optional.of("documents: " + String.join(" or ", concerns.documents()));
        }
        if (!concerns.answers().isEmpty() && concerns.answers().stream().noneMatch(household.answers()::contains)) {
            return Optional.of("answers: " + String.join(" or ", concerns.answers()));
        }
        if (!concerns.anyOf().isEmpty()) {
            List<String> failed = new ArrayList<>();
            for (Concerns alternative : concerns.anyOf()) {
                Optional<String> why = excluded(alternative, household);
                if (why.isEmpty()) {
                    return Optional.empty();
                }
                failed.add(describe(alternative));
            }
            return Optional.of("one of: " + String.join(" | ", failed));
        }
        return Optional.empty();
    }

    /** A member who could be like this: every known fact agrees. */
    private static boolean mayBe(Member member, MemberCondition condition) {
        return (condition.relation() == null || condition.relation().equals(member.getRelation()))
                && (condition.sex() == null || member.getSex() == null || condition.sex().equals(member.getSex()))
                && (condition.age() == null || member.getAge() == null || condition.age().contains(member.getAge()));
    }

    /** A member who is like this for sure: every fact the condition names is known and agrees. */
    private static boolean surelyIs(Member member, MemberCondition condition) {
        return (condition.relation() == null || condition.relation().equals(member.getRelation()))
                && (condition.sex() == null || condition.sex().equals(member.getSex()))
                && (condition.age() == null || member.getAge() != null && condition.age().contains(member.getAge()));
    }

    /** The declaration as one line: {@code age 55.., sex F}. */
    public static String describe(Concerns concerns) {
        StringJoiner parts = new StringJoiner(", ");
        if (concerns.age() != null) {
            parts.add("age " + range(concerns.age()));
        }
        if (concerns.sex() != null) {
            parts.add("sex " + concerns.sex());
        }
        if (concerns.citizen() != null) {
            parts.add(concerns.citizen() ? "citizen" : "not a citizen");
        }
        if (concerns.disabled() != null) {
            parts.add(concerns.disabled() ? "with a disability group" : "without a disability group");
        }
        if (concerns.hasMember() != null) {
            parts.add("a member: " + member(concerns.hasMember()));
        }
        if (concerns.noMember() != null) {
            parts.add("no member: " + member(concerns.noMember()));
        }
        if (!concerns.documents().isEmpty()) {
            parts.add("documents: " + String.join(" or ", concerns.documents()));
        }
        if (!concerns.answers().isEmpty()) {
            parts.add("answers: " + String.join(" or ", concerns.answers()));
        }
        if (!concerns.anyOf().isEmpty()) {
            parts.add("one of: " + String.join(" | ", concerns.anyOf().stream().map(ConcernsCheck::describe).toList()));
        }
        return parts.toString();
    }

    private static String member(MemberCondition condition) {
        StringJoiner parts = new StringJoiner(" ");
        parts.add(condition.relation() == null ? "anyone" : condition.relation());
        if (condition.sex() != null) {
            parts.add("sex " + condition.sex());
        }
        if (condition.age() != null) {
            parts.add("aged " + range(condition.age()));
        }
        return parts.toString();
    }

    private static String range(Range range) {
        return (range.min() == null ? "" : range.min()) + ".." + (range.max() == null ? "" : range.max());
    }

    /** Problems with a descriptor's {@code concerns:}, pointing at the descriptor. */
    public static List<Diagnostic> check(ServiceDescriptor descriptor, String descriptorFile) {
        List<Diagnostic> problems = new ArrayList<>();
        if (descriptor.concerns() != null) {
            Set<String> answers = new java.util.HashSet<>();
            descriptor.inputs().stream().map(ServiceDescriptor.Input::path)
                    .filter(p -> p != null && p.startsWith("form.")).forEach(p -> answers.add(p.substring(5)));
            check(descriptor.concerns(), "concerns", answers, descriptorFile, problems);
        }
        return problems;
    }

    private static void check(Concerns concerns, String where, Set<String> answers, String file,
                              List<Diagnostic> problems) {
        checkRange(concerns.age(), where + ".age", file, problems);
        checkSex(concerns.sex(), where + ".sex", file, problems);
        checkMember(concerns.hasMember(), where + ".hasMember", file, problems);
        checkMember(concerns.noMember(), where + ".noMember", file, problems);
        for (String answer : concerns.answers()) {
            if (!answers.contains(answer)) {
                problems.add(Diagnostic.error(file, 0, 0, where + ".answers: '" + answer
                        + "' is not a form input of the service; declare form." + answer + " under inputs"));
            }
        }
        for (int i = 0; i < concerns.anyOf().size(); i++) {
            check(concerns.anyOf().get(i), where + ".anyOf[" + i + "]", answers, file, problems);
        }
    }

    private static void checkMember(MemberCondition member, String where, String file, List<Diagnostic> problems) {
        if (member == null) {
            return;
        }
        if (member.relation() != null && !RELATIONS.contains(member.relation())) {
            problems.add(Diagnostic.error(file, 0, 0, where + ".relation: '" + member.relation()
                    + "' is not a relation; use one of " + new java.util.TreeSet<>(RELATIONS)));
        }
        checkRange(member.age(), where + ".age", file, problems);
        checkSex(member.sex(), where + ".sex", file, problems);
    }

    private static void checkSex(String sex, String where, String file, List<Diagnostic> problems) {
        if (sex != null && !SEXES.contains(sex)) {
            problems.add(Diagnostic.error(file, 0, 0, where + ": '" + sex + "' is not M or F"));
        }
    }

    private static void checkRange(Range range, String where, String file, List<Diagnostic> problems) {
        if (range == null) {
            return;
        }
        if (range.min() == null && range.max() == null) {
            problems.add(Diagnostic.error(file, 0, 0, where + ": give min, max or both"));
        } else if (range.min() != null && range.max() != null && range.min() > range.max()) {
            problems.add(Diagnostic.error(file, 0, 0, where + ": min " + range.min() + " is above max "
                    + range.max()));
        } else if (range.min() != null && range.min() < 0 || range.max() != null && range.max() < 0) {
            problems.add(Diagnostic.error(file, 0, 0, where + ": ages are 0 or more"));
        }
    }
}
