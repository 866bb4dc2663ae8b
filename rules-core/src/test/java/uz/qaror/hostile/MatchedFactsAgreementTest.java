package uz.qaror.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.utils.KieHelper;

import uz.qaror.DecisionEngine;
import uz.qaror.InputLimits;
import uz.qaror.Language;
import uz.qaror.facts.Member;
import uz.qaror.internal.Internals;
import uz.qaror.internal.build.CompiledService;
import uz.qaror.internal.input.ApplicationReader;
import uz.qaror.internal.input.ApplicationText;
import uz.qaror.internal.json.DecisionJson;
import uz.qaror.internal.run.Evaluator;
import uz.qaror.internal.run.MatchedFacts;
import uz.qaror.internal.run.Sessions;

/**
 * Facts of a kind no rule of a service can match are not inserted, and that changes no decision: every seed
 * application and thousands of valid variants of them decide the same, to the byte of their JSON, with only the
 * matched kinds inserted as with every kind; and a kind is matched by every kind of pattern that takes it.
 */
class MatchedFactsAgreementTest {

    @Test
    void decisionsAreTheSameWithTheMatchedKindsAsWithEveryKind() {
        DecisionEngine engine = DecisionEngine.fromDirectory(HostileApplicationsFuzzTest.CATALOG);
        ApplicationText text = new ApplicationText(InputLimits.defaults());
        Map<String, CompiledService[]> services = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(2026_12_03);
        HostileApplications generator = HostileApplicationsFuzzTest.GENERATOR;
        int compared = 0;
        for (int seed = 0; seed < generator.seedCount(); seed++) {
            for (int variant = 0; variant < 40; variant++) {
                // the seed itself first, then variants by mutations that may keep it valid
                List<Mutation> mutations = variant == 0 ? List.of() : List.of(keeping(random), keeping(random));
                HostileApplications.Sample sample = generator.sample(seed, mutations, random.nextLong());
                ApplicationText.Read read = text.read(sample.bytes());
                JsonNode service = read.failed() ? null : read.application().get("service");
                if (service == null || !service.isTextual() || !engine.serviceIds().contains(service.asText())) {
                    continue;
                }
                CompiledService[] both = services.computeIfAbsent(service.asText(), id -> {
                    CompiledService matched = Internals.compiled(engine, id);
                    return new CompiledService[] {matched, everyKind(matched)};
                });
                ApplicationReader.Outcome parsed = ApplicationReader.read(read.application(), both[0], null);
                if (!parsed.problems().isEmpty()) {
                    continue;
                }
                String withMatched = DecisionJson.write(Evaluator.decide(both[0], parsed.application()),
                        Language.EN);
                String withEvery = DecisionJson.write(Evaluator.decide(both[1], parsed.application()),
                        Language.EN);
                assertThat(withMatched).as("%s", sample.describe()).isEqualTo(withEvery);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(1_200);
        // the filter left something out somewhere: the catalog's rules never read a property
        assertThat(services.values()).allMatch(both -> !both[0].matchedFacts().properties());
        assertThat(services.values()).anyMatch(both -> !both[0].matchedFacts().members());
        assertThat(services.values()).anyMatch(both -> both[0].matchedFacts().members());
    }

    private static Mutation keeping(SplittableRandom random) {
        List<Mutation> keeping = java.util.Arrays.stream(Mutation.values()).filter(m -> !m.invalidates()).toList();
        return keeping.get(random.nextInt(keeping.size()));
    }

    private static CompiledService everyKind(CompiledService s) {
        return new CompiledService(s.folder(), s.kieBase(), s.formType(), s.formFields(), s.schema(), s.rules(),
                s.firedRules(), s.warnings(), s.reasonTexts(), new Sessions(s.kieBase()), MatchedFacts.ALL,
                s.prebuilt(), s.readingPlan(), s.fees());
    }

    @Test
    void aKindIsMatchedByEveryPatternThatTakesItAndNotByOneOverAList() {
        MatchedFacts none = matched("rule \"nothing\" when eval(true) then end");
        assertThat(none).isEqualTo(new MatchedFacts(false, false, false, false, false, false, false, true));
        assertThat(matched("rule \"p\" when Property(kind == \"dwelling\") then end").properties()).isTrue();
        assertThat(matched("rule \"v\" when exists Vehicle() then end").vehicles()).isTrue();
        assertThat(matched("rule \"d\" when not Document() then end").documents()).isTrue();
        assertThat(matched("rule \"m\" when accumulate(Member(); $n : count()) then end").members()).isTrue();
        // a list read with from is not working memory: its items need not be inserted
        assertThat(matched("rule \"f\" when $h : Household() $m : Member() from java.util.List.of() then end"))
                .isEqualTo(new MatchedFacts(false, false, true, false, false, false, false, true));
        // a pattern over a type above them takes every kind
        assertThat(matched("rule \"o\" when Object() then end")).isEqualTo(MatchedFacts.ALL);
    }

    @Test
    void aClassInsertedBeforeDoesNotCountAsMatched() {
        KieBase kieBase = kieBase("rule \"h\" when Household() then end");
        KieSession session = kieBase.newKieSession();
        session.insert(new Member(null, null, null, null, null, null, "child", null, false, false));
        session.fireAllRules();
        session.dispose();
        // whatever the network keeps of a class inserted, no rule reads a member
        assertThat(MatchedFacts.of(kieBase, null).members()).isFalse();
        assertThat(MatchedFacts.of(kieBase, null).household()).isTrue();
    }

    private static MatchedFacts matched(String rules) {
        return MatchedFacts.of(kieBase(rules), null);
    }

    private static KieBase kieBase(String rules) {
        String drl = "package t;\nimport uz.qaror.facts.*;\n" + rules + "\n";
        return new KieHelper().addContent(drl, ResourceType.DRL).build();
    }
}
