package uz.qaror;

import java.util.List;

/**
 * What a watching engine did after a service's files changed: either the new rules serve from now on
 * ({@code applied}), or they do not compile and the previous version keeps serving, with the diagnostics
 * ({@code file:line:column}) of the failed edit.
 *
 * @param service      the id of the service whose files changed
 * @param rulesVersion the version of the edited files (as {@link Decision#rulesVersion()} would show it); null
 *                     when the folder could not even be read, or the service folder was removed
 * @param applied      whether the new rules serve from now on
 * @param diagnostics  why the edit was not applied; empty when it was, or when the service was removed
 */
public record ReloadEvent(String service, String rulesVersion, boolean applied, List<Diagnostic> diagnostics) {

    /**
     * Creates an event; the engine makes them, and tests may make their own.
     *
     * @param service      see {@link #service()}
     * @param rulesVersion see {@link #rulesVersion()}
     * @param applied      see {@link #applied()}
     * @param diagnostics  see {@link #diagnostics()}
     * @throws NullPointerException when {@code diagnostics} is {@code null}
     */
    public ReloadEvent {
        diagnostics = List.copyOf(diagnostics);
    }
}
