package uz.qaror.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The person who applies. */
public final class Applicant extends Person {

    private final String soato;
    private final String phone;
    private final String passport;
    private final String stir;
    private final BigDecimal monthlyIncome;
    private final Integer serviceYears;

    public Applicant(String pinfl, LocalDate birthDate, Integer age, String sex, String citizenship,
                     Integer disabilityGroup, String soato, String phone, String passport, String stir,
                     BigDecimal monthlyIncome, Integer serviceYears) {
        super(pinfl, birthDate, age, sex, citizenship, disabilityGroup);
        this.soato = soato;
        this.phone = phone;
        this.passport = passport;
        this.stir = stir;
        this.monthlyIncome = monthlyIncome;
        this.serviceYears = serviceYears;
    }

    /** The SOATO code of the permanent address (4 digits region, 7 district, 10 settlement). */
    public String getSoato() {
        return soato;
    }

    /** The 4-digit SOATO region: 1726 Tashkent city, 1727 Tashkent region, ... */
    public String getRegion() {
        return soato == null || soato.length() < 4 ? null : soato.substring(0, 4);
    }

    public boolean isLivesInTashkentCity() {
        return "1726".equals(getRegion());
    }

    /** Phone in E.164 form, {@code +998901234567}. */
    public String getPhone() {
        return phone;
    }

    public String getPassport() {
        return passport;
    }

    public String getStir() {
        return stir;
    }

    public BigDecimal getMonthlyIncome() {
        return monthlyIncome;
    }

    /** Years of pensionable service, where the service needs it. */
    public Integer getServiceYears() {
        return serviceYears;
    }
}
