package uz.qaror.facts;

import java.math.BigDecimal;

/**
 * The applicant's household as a whole: size, income and assets, computed by the engine from the application's
 * applicant and {@code household}. There is exactly one per application, also when the application has no
 * {@code household}. {@code size} counts the applicant; income is monthly, in soum. Immutable.
 */
public final class Household {

    private final int size;
    private final int childrenUnder18;
    private final BigDecimal totalMonthlyIncome;
    private final BigDecimal perCapitaIncome;
    private final BigDecimal bankBalance;
    private final int dwellings;
    private final int nonResidentialProperties;
    private final int cars;
    private final boolean memberInMilitary;

    /**
     * Creates a household; the engine computes it from the application, and tests may make their own.
     *
     * @param size                     see {@link #getSize()}
     * @param childrenUnder18          see {@link #getChildrenUnder18()}
     * @param totalMonthlyIncome       see {@link #getTotalMonthlyIncome()}
     * @param perCapitaIncome          see {@link #getPerCapitaIncome()}
     * @param bankBalance              see {@link #getBankBalance()}
     * @param dwellings                see {@link #getDwellings()}
     * @param nonResidentialProperties see {@link #getNonResidentialProperties()}
     * @param cars                     see {@link #getCars()}
     * @param memberInMilitary         see {@link #isMemberInMilitary()}
     */
    public Household(int size, int childrenUnder18, BigDecimal totalMonthlyIncome, BigDecimal perCapitaIncome,
                     BigDecimal bankBalance, int dwellings, int nonResidentialProperties, int cars,
                     boolean memberInMilitary) {
        this.size = size;
        this.childrenUnder18 = childrenUnder18;
        this.totalMonthlyIncome = totalMonthlyIncome;
        this.perCapitaIncome = perCapitaIncome;
        this.bankBalance = bankBalance;
        this.dwellings = dwellings;
        this.nonResidentialProperties = nonResidentialProperties;
        this.cars = cars;
        this.memberInMilitary = memberInMilitary;
    }

    /** {@return the number of people: the applicant and every member, so at least 1} */
    public int getSize() {
        return size;
    }

    /**
     * {@return the members related as {@code child} whose age is known and under 18 on the decision date}
     */
    public int getChildrenUnder18() {
        return childrenUnder18;
    }

    /**
     * {@return the applicant's and the members' monthly incomes added up, in soum; an income not given counts
     * as 0}
     */
    public BigDecimal getTotalMonthlyIncome() {
        return totalMonthlyIncome;
    }

    /**
     * {@return the total monthly income divided by the household size, in soum, rounded half up to a whole soum}
     */
    public BigDecimal getPerCapitaIncome() {
        return perCapitaIncome;
    }

    /** {@return the household's bank balance in soum; 0 when not given} */
    public BigDecimal getBankBalance() {
        return bankBalance;
    }

    /** {@return the number of properties of kind {@code dwelling}} */
    public int getDwellings() {
        return dwellings;
    }

    /** {@return the number of properties of kind {@code non-residential}} */
    public int getNonResidentialProperties() {
        return nonResidentialProperties;
    }

    /** {@return the number of vehicles of kind {@code car} (motorcycles, trucks and buses not counted)} */
    public int getCars() {
        return cars;
    }

    /**
     * {@return whether a member (not the applicant) serves in the armed forces or a law-enforcement body}
     */
    public boolean isMemberInMilitary() {
        return memberInMilitary;
    }
}
