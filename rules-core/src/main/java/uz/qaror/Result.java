package uz.qaror;

/** What evaluating an application gives: a {@link Decision}, or the {@link Failure} that says why it could not be decided. */
public sealed interface Result permits Decision, Failure {

    /** The application's id, or {@code null} where the input did not carry one. */
    String applicationId();

    /** The service applied to, or {@code null} where the input did not name one. */
    String service();
}
