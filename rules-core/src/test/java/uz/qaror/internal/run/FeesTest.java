package uz.qaror.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import uz.qaror.Fee;
import uz.qaror.ServiceDescriptor.FeeComponent;
import uz.qaror.ServiceDescriptor.FeeSchedule;

/**
 * A service's fee: the components at their channel's rate, then the options charged, in BCA and in soum rounded half
 * up, each citing its own act or the schedule's; the fee of the components alone kept per BCA value and channel,
 * never handed out for another BCA, channel or set of options.
 */
class FeesTest {

    private static final FeeSchedule SCHEDULE = new FeeSchedule("Fee act", List.of(
            new FeeComponent("duty", new BigDecimal("0.05"), new BigDecimal("0.045"), null, null),
            new FeeComponent("form", new BigDecimal("0.5"), null, "Form act", null)),
            List.of(new FeeComponent("express", new BigDecimal("2"), new BigDecimal("1.8"), "Express act", null)));
    private static final BigDecimal BCA_2025 = new BigDecimal("375000");
    private static final BigDecimal BCA_2026 = new BigDecimal("412000");

    @Test
    void theComponentsAtTheChannelsRateInBcaAndSoum() {
        Fees fees = new Fees(SCHEDULE);
        Fee atCentre = fees.charged(false, BCA_2025, List.of());
        assertThat(atCentre.components()).containsExactly(
                new Fee.Component("duty", new BigDecimal("0.05"), new BigDecimal("18750"), "Fee act"),
                new Fee.Component("form", new BigDecimal("0.5"), new BigDecimal("187500"), "Form act"));
        assertThat(atCentre.totalBca()).isEqualByComparingTo("0.55");
        assertThat(atCentre.totalSoum()).isEqualByComparingTo("206250");
        assertThat(atCentre.bcaValue()).isEqualTo(BCA_2025);
        assertThat(atCentre.legalBasis()).isEqualTo("Fee act");

        Fee online = fees.charged(true, BCA_2025, List.of());
        // 0.045 x 375,000 = 16,875; the form has no online rate of its own
        assertThat(online.components()).extracting(Fee.Component::soum)
                .containsExactly(new BigDecimal("16875"), new BigDecimal("187500"));
        assertThat(fees.charged(true, new BigDecimal("375011"), List.of()).components().get(0).soum())
                .as("16,875.495 rounded half up").isEqualTo(new BigDecimal("16875"));
        assertThat(fees.charged(true, new BigDecimal("375012"), List.of()).components().get(0).soum())
                .as("16,875.54 rounded half up").isEqualTo(new BigDecimal("16876"));
    }

    @Test
    void theFeeOfTheComponentsIsKeptPerBcaAndChannelOnly() {
        Fees fees = new Fees(SCHEDULE);
        Fee first = fees.charged(false, BCA_2025, List.of());
        assertThat(fees.charged(false, BCA_2025, List.of())).isSameAs(first);
        assertThat(fees.charged(false, BCA_2026, List.of())).isNotEqualTo(first)
                .extracting(Fee::bcaValue).isEqualTo(BCA_2026);
        assertThat(fees.charged(true, BCA_2025, List.of())).isNotEqualTo(first);
        assertThat(fees.charged(false, BCA_2025, List.of())).isSameAs(first);
    }

    @Test
    void optionsChargedComeAfterTheComponentsAtTheirRate() {
        Fees fees = new Fees(SCHEDULE);
        fees.charged(true, BCA_2025, List.of());
        Fee express = fees.charged(true, BCA_2025, List.of("express"));
        assertThat(express.components()).extracting(Fee.Component::code).containsExactly("duty", "form", "express");
        assertThat(express.components().get(2))
                .isEqualTo(new Fee.Component("express", new BigDecimal("1.8"), new BigDecimal("675000"), "Express act"));
        assertThat(express.totalSoum()).isEqualByComparingTo("879375");
        assertThat(fees.charged(true, BCA_2025, List.of()).components()).hasSize(2);
        assertThatThrownBy(() -> fees.charged(false, BCA_2025, List.of("overnight")))
                .isInstanceOf(Evaluator.RuleFailure.class).hasMessageContaining("'overnight'");
    }

    @Test
    void whetherADecisionChargesAnything() {
        assertThat(new Fees(null).charges(List.of())).isFalse();
        assertThat(new Fees(null).charges(List.of("express"))).isFalse();
        assertThat(new Fees(SCHEDULE).charges(List.of())).isTrue();
        FeeSchedule optionsOnly = new FeeSchedule("Fee act", List.of(), SCHEDULE.options());
        assertThat(new Fees(optionsOnly).charges(List.of())).isFalse();
        assertThat(new Fees(optionsOnly).charges(List.of("express"))).isTrue();
        assertThat(new Fees(optionsOnly).charged(false, BCA_2025, List.of("express")).totalSoum())
                .isEqualByComparingTo("750000");
    }
}
