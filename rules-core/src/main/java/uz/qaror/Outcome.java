package uz.qaror;

/**
 * What a decision says. When rules disagree, the strongest wins: a rejection stands over everything,
 * then missing input, then referral; approval only when a rule approved and nothing else spoke.
 */
public enum Outcome {
    APPROVED(0),
    REFERRED(1),
    INCOMPLETE(2),
    REJECTED(3);

    private final int precedence;

    Outcome(int precedence) {
        this.precedence = precedence;
    }

    /** Whether the application was decided without an officer. */
    public boolean automatic() {
        return this != REFERRED;
    }

    /** The stronger of the two outcomes. */
    public Outcome strongest(Outcome other) {
        return other.precedence > precedence ? other : this;
    }
}
