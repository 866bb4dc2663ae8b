package uz.qaror.cli;

import java.io.PrintWriter;

import uz.qaror.Failure;

/** How the commands that decide one file say it could not be decided, and with which exit code. */
final class FailureReport {

    private FailureReport() {
    }

    /** Prints the problems, one per line, and returns 1 for the applicant's input, 3 for broken rules. */
    static int print(PrintWriter err, String file, Failure failure) {
        err.println("qaror: " + file + ": cannot be decided (" + failure.kind() + "):");
        failure.problems().forEach(p -> err.println("  " + p.path() + ": " + p.message()));
        err.flush();
        return failure.kind().isInputProblem() ? Qaror.CHECKS_FAILED : Qaror.UNREADABLE;
    }
}
