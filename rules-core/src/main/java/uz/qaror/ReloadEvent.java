package uz.qaror;

import java.util.List;

/**
 * What a watching engine did after a service's files changed: either the new rules serve from now on
 * ({@code applied}), or they do not compile and the previous version keeps serving, with the diagnostics
 * ({@code file:line:column}) of the failed edit.
 *
 * @param rulesVersion the version of the edited files (as {@link Decision#rulesVersion()} would show it); null
 *                     when the folder could not even be read, or the service folder was removed
 */
public record ReloadEvent(String service, String rulesVersion, boolean applied, List<Diagnostic> diagnostics) {

    public ReloadEvent {
        diagnostics = List.copyOf(diagnostics);
    }
}
