package uz.qaror;

/**
 * What a decision says. When rules disagree, the strongest wins: a rejection stands over everything,
 * then missing input, then referral; approval only when a rule approved and nothing else spoke.
 */
public enum Outcome {
    /** The application meets the conditions a rule checked, and no rule said otherwise. */
    APPROVED(0),
    /** An officer decides: a rule referred it, no rule decided, or the service is not automatic. */
    REFERRED(1),
    /** The applicant must supply the inputs listed in {@link Decision#missing()}. */
    INCOMPLETE(2),
    /** The law excludes the application. */
    REJECTED(3);

    private final int precedence;

    Outcome(int precedence) {
        this.precedence = precedence;
    }

    /** {@return whether the application was decided without an officer: every outcome but {@link #REFERRED}} */
    public boolean automatic() {
        return this != REFERRED;
    }

    /**
     * The stronger of two outcomes, in the order rejected, incomplete, referred, approved.
     *
     * @param other the other outcome
     * @return the stronger one
     */
    public Outcome strongest(Outcome other) {
        return other.precedence > precedence ? other : this;
    }
}
