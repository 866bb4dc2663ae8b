package uz.qaror.internal.build;

import java.util.List;

/** The common citizen data every application may carry, as input paths a descriptor can declare. */
public final class ApplicationFields {

    public static final List<String> KNOWN = List.of(
            "applicant.pinfl", "applicant.birthDate", "applicant.sex", "applicant.citizenship",
            "applicant.address", "applicant.phone", "applicant.passport", "applicant.stir",
            "applicant.disabilityGroup", "applicant.monthlyIncome", "applicant.serviceYears",
            "household", "household.members", "household.properties", "household.vehicles",
            "household.bankBalance");

    private ApplicationFields() {
    }
}
