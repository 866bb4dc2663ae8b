package uz.qaror.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A member of the applicant's household other than the applicant. */
public final class Member extends Person {

    private final String relation;
    private final BigDecimal monthlyIncome;
    private final boolean employed;
    private final boolean servesInMilitary;

    public Member(String pinfl, LocalDate birthDate, Integer age, String sex, String citizenship,
                  Integer disabilityGroup, String relation, BigDecimal monthlyIncome, boolean employed,
                  boolean servesInMilitary) {
        super(pinfl, birthDate, age, sex, citizenship, disabilityGroup);
        this.relation = relation;
        this.monthlyIncome = monthlyIncome;
        this.employed = employed;
        this.servesInMilitary = servesInMilitary;
    }

    /** {@code spouse}, {@code child}, {@code parent}, {@code sibling}, {@code grandchild} or {@code other}. */
    public String getRelation() {
        return relation;
    }

    public boolean isChild() {
        return "child".equals(relation);
    }

    public BigDecimal getMonthlyIncome() {
        return monthlyIncome;
    }

    public boolean isEmployed() {
        return employed;
    }

    /** Serves in the armed forces or a law-enforcement body. */
    public boolean isServesInMilitary() {
        return servesInMilitary;
    }
}
