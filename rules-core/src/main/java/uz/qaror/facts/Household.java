package uz.qaror.facts;

import java.math.BigDecimal;

/**
 * The applicant's household as a whole: size, income and assets. {@code size} counts the applicant; income is
 * monthly, in soum.
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

    public int getSize() {
        return size;
    }

    public int getChildrenUnder18() {
        return childrenUnder18;
    }

    public BigDecimal getTotalMonthlyIncome() {
        return totalMonthlyIncome;
    }

    /** Total monthly income divided by the household size, rounded to the soum. */
    public BigDecimal getPerCapitaIncome() {
        return perCapitaIncome;
    }

    public BigDecimal getBankBalance() {
        return bankBalance;
    }

    public int getDwellings() {
        return dwellings;
    }

    public int getNonResidentialProperties() {
        return nonResidentialProperties;
    }

    public int getCars() {
        return cars;
    }

    public boolean isMemberInMilitary() {
        return memberInMilitary;
    }
}
