package uz.qaror.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A member of the applicant's household other than the applicant. Every field the application leaves out is
 * {@code null}, except {@code employed} and {@code servesInMilitary}, which are then {@code false}. Immutable.
 */
public final class Member extends Person {

    private final String relation;
    private final BigDecimal monthlyIncome;
    private final boolean employed;
    private final boolean servesInMilitary;

    /**
     * Creates a member; the engine makes them from the application, and tests may make their own.
     *
     * @param pinfl            see {@link Person#getPinfl()}
     * @param birthDate        see {@link Person#getBirthDate()}
     * @param age              see {@link Person#getAge()}
     * @param sex              see {@link Person#getSex()}
     * @param citizenship      see {@link Person#getCitizenship()}
     * @param disabilityGroup  see {@link Person#getDisabilityGroup()}
     * @param relation         see {@link #getRelation()}
     * @param monthlyIncome    see {@link #getMonthlyIncome()}
     * @param employed         see {@link #isEmployed()}
     * @param servesInMilitary see {@link #isServesInMilitary()}
     */
    public Member(String pinfl, LocalDate birthDate, Integer age, String sex, String citizenship,
                  Integer disabilityGroup, String relation, BigDecimal monthlyIncome, boolean employed,
                  boolean servesInMilitary) {
        super(pinfl, birthDate, age, sex, citizenship, disabilityGroup);
        this.relation = relation;
        this.monthlyIncome = monthlyIncome;
        this.employed = employed;
        this.servesInMilitary = servesInMilitary;
    }

    /**
     * {@return the member's relation to the applicant: {@code spouse}, {@code child}, {@code parent},
     * {@code sibling}, {@code grandchild}, {@code grandparent} or {@code other}; never {@code null}}
     */
    public String getRelation() {
        return relation;
    }

    /** {@return whether the member is the applicant's child (of any age)} */
    public boolean isChild() {
        return "child".equals(relation);
    }

    /** {@return the member's income in soum per month, or {@code null} when not given} */
    public BigDecimal getMonthlyIncome() {
        return monthlyIncome;
    }

    /** {@return whether the member is employed; {@code false} when not given} */
    public boolean isEmployed() {
        return employed;
    }

    /**
     * {@return whether the member serves in the armed forces or a law-enforcement body; {@code false} when not
     * given}
     */
    public boolean isServesInMilitary() {
        return servesInMilitary;
    }
}
