package uz.qaror;

/** Thrown by {@link DecisionEngine#decide} when an application cannot be decided; carries the {@link Failure}. */
public final class InvalidApplicationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Failure failure;

    public InvalidApplicationException(Failure failure) {
        super(failure.kind() + ": " + failure.describe());
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
