package uz.qaror;

/** What evaluating an application gives: a {@link Decision}, or the {@link Failure} that says why it could not be decided. */
public sealed interface Result permits Decision, Failure {

    /** {@return the application's id, or {@code null} where the input did not carry one} */
    String applicationId();

    /** {@return the service applied to, or {@code null} where the input did not name one} */
    String service();
}
