package uz.qaror;

/**
 * What screening a household says about one service. Only a rule that approves makes a service {@link #ELIGIBLE};
 * silence never does.
 */
public enum ScreeningStatus {
    /** The rules would approve an application now; the answer carries the amounts and the fee. */
    ELIGIBLE,
    /** The rules would reject an application; the answer carries the reasons. */
    NOT_ELIGIBLE,
    /** The rules cannot decide without more inputs or documents; the answer names them in the four languages. */
    NEEDS,
    /** The rules would refer an application to an officer (or the law leaves the service to one). */
    OFFICER,
    /** The service does not concern this household, as its descriptor's {@code concerns:} declares. */
    NOT_APPLICABLE,
    /**
     * The service could not be screened: its rules do not compile or failed, or a known form answer is not valid
     * for it; the answer carries the problems.
     */
    ERROR;

    /**
     * The status a decision's outcome gives.
     *
     * @param outcome the outcome of the service's rules for the household
     * @return the status it stands for
     */
    public static ScreeningStatus of(Outcome outcome) {
        return switch (outcome) {
            case APPROVED -> ELIGIBLE;
            case REJECTED -> NOT_ELIGIBLE;
            case INCOMPLETE -> NEEDS;
            case REFERRED -> OFFICER;
        };
    }
}
