package uz.qaror;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What screening says about one service for one household: its status, the reasons the rules gave (or why the
 * service does not concern the household), what is missing to decide, and for an eligible household the amounts
 * and the fee as of the screening date.
 *
 * @param service      the service's id
 * @param names        the service's name in each language
 * @param status       the answer
 * @param reasons      the reasons behind it, each with its texts in the four languages and its legal basis
 * @param needs        for {@link ScreeningStatus#NEEDS}: each missing input or document with its labels
 * @param amounts      what the service would pay, for {@link ScreeningStatus#ELIGIBLE} and
 *                     {@link ScreeningStatus#OFFICER} (what the rules computed for the officer)
 * @param fee          what an application would cost, or {@code null} when there is none (or the household is not
 *                     eligible)
 * @param rulesVersion the version of the service's rules that answered; {@code null} when they did not run
 * @param problems     for {@link ScreeningStatus#ERROR}: what kept the service from being screened
 */
public record ScreeningAnswer(String service, Map<Language, String> names, ScreeningStatus status,
                              List<Reason> reasons, List<Needed> needs, List<Decision.Amount> amounts, Fee fee,
                              String rulesVersion, List<Problem> problems) {

    /**
     * Creates an answer; the engine makes them, tests may make their own.
     *
     * @param service      see {@link #service()}
     * @param names        see {@link #names()}
     * @param status       see {@link #status()}
     * @param reasons      see {@link #reasons()}
     * @param needs        see {@link #needs()}
     * @param amounts      see {@link #amounts()}
     * @param fee          see {@link #fee()}
     * @param rulesVersion see {@link #rulesVersion()}
     * @param problems     see {@link #problems()}
     * @throws NullPointerException when {@code service}, {@code status} or a list is null
     */
    public ScreeningAnswer {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(status, "status");
        names = Map.copyOf(names);
        reasons = List.copyOf(reasons);
        needs = List.copyOf(needs);
        amounts = List.copyOf(amounts);
        problems = List.copyOf(problems);
    }

    /**
     * The service's name in a language, falling back to Uzbek Latin, then to its id.
     *
     * @param language the language wanted
     * @return the name, never null
     */
    public String name(Language language) {
        String name = names.get(language);
        return name != null ? name : names.getOrDefault(Language.UZ, service);
    }

    /**
     * An input or document the rules need before they can decide.
     *
     * @param path   where it goes in an application: {@code household.members}, {@code form.spouseBirthDate},
     *               {@code documents.medical-certificate}
     * @param labels what to ask the citizen for, in each language
     */
    public record Needed(String path, Map<Language, String> labels) {
        /**
         * Creates a need.
         *
         * @param path   see {@link #path()}
         * @param labels see {@link #labels()}
         * @throws NullPointerException when {@code path} or {@code labels} is null
         */
        public Needed {
            Objects.requireNonNull(path, "path");
            labels = Map.copyOf(labels);
        }

        /**
         * The label in a language, falling back to Uzbek Latin, then to the path.
         *
         * @param language the language wanted
         * @return the label, never null
         */
        public String label(Language language) {
            String label = labels.get(language);
            return label != null ? label : labels.getOrDefault(Language.UZ, path);
        }
    }
}
