package uz.qaror.internal.build;

/**
 * Rules' {@code date-effective} / {@code date-expires} are written as ISO dates, like every other date in the
 * catalog. Drools reads the format from a system property when it parses those dates: while compiling with the
 * classic compiler, and when a prebuilt (executable model) rule class is loaded; so it is set before either.
 */
public final class DroolsDates {

    static {
        if (System.getProperty("drools.dateformat") == null) {
            System.setProperty("drools.dateformat", "yyyy-MM-dd");
        }
    }

    private DroolsDates() {
    }

    /** Sets the format unless the JVM was started with another (the first call does it). */
    public static void install() {
        // the static initialiser does the work, once
    }
}
