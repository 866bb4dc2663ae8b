package uz.qaror;

/** Thrown by {@link DecisionEngine#decide} when an application cannot be decided; carries the {@link Failure}. */
public final class InvalidApplicationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Failure failure;

    /**
     * Creates the exception; its message is the failure's kind and problems.
     *
     * @param failure why the application could not be decided
     */
    public InvalidApplicationException(Failure failure) {
        super(failure.kind() + ": " + failure.describe());
        this.failure = failure;
    }

    /**
     * {@return why the application could not be decided; {@code null} after the exception was serialized, as
     * the failure is not}
     */
    public Failure failure() {
        return failure;
    }
}
