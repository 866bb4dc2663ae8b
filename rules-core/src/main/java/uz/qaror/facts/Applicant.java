package uz.qaror.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The person who applies. Every field the application leaves out is {@code null}. Immutable. */
public final class Applicant extends Person {

    private final String soato;
    private final String phone;
    private final String passport;
    private final String stir;
    private final BigDecimal monthlyIncome;
    private final Integer serviceYears;

    /**
     * Creates an applicant; the engine makes one from the application, and tests may make their own.
     *
     * @param pinfl           see {@link Person#getPinfl()}
     * @param birthDate       see {@link Person#getBirthDate()}
     * @param age             see {@link Person#getAge()}
     * @param sex             see {@link Person#getSex()}
     * @param citizenship     see {@link Person#getCitizenship()}
     * @param disabilityGroup see {@link Person#getDisabilityGroup()}
     * @param soato           see {@link #getSoato()}
     * @param phone           see {@link #getPhone()}
     * @param passport        see {@link #getPassport()}
     * @param stir            see {@link #getStir()}
     * @param monthlyIncome   see {@link #getMonthlyIncome()}
     * @param serviceYears    see {@link #getServiceYears()}
     */
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

    /**
     * {@return the SOATO code of the permanent address (4 digits: region, 7: district, 10: settlement), or
     * {@code null} when not given}
     */
    public String getSoato() {
        return soato;
    }

    /**
     * {@return the 4-digit SOATO region of the address: {@code 1726} Tashkent city, {@code 1727} Tashkent region,
     * ...; {@code null} when the SOATO code is not given}
     */
    public String getRegion() {
        return soato == null || soato.length() < 4 ? null : soato.substring(0, 4);
    }

    /** {@return whether the permanent address is in Tashkent city (region 1726); {@code false} when unknown} */
    public boolean isLivesInTashkentCity() {
        return "1726".equals(getRegion());
    }

    /** {@return the phone number in E.164 form, such as {@code +998901234567}, or {@code null} when not given} */
    public String getPhone() {
        return phone;
    }

    /**
     * {@return the passport or ID card number, 2 Latin capitals and 7 digits ({@code AA1234567}), or {@code null}
     * when not given}
     */
    public String getPassport() {
        return passport;
    }

    /** {@return the taxpayer number (STIR/INN), 9 digits, or {@code null} when not given} */
    public String getStir() {
        return stir;
    }

    /** {@return the applicant's own income in soum per month, or {@code null} when not given} */
    public BigDecimal getMonthlyIncome() {
        return monthlyIncome;
    }

    /** {@return whole years of pensionable service (0 to 80), or {@code null} when not given} */
    public Integer getServiceYears() {
        return serviceYears;
    }
}
