package uz.qaror;

import java.math.BigDecimal;
import java.util.List;

/**
 * The state duty or service fee as of the decision date: each component in BCA (base calculation amounts)
 * and in soum, with the total and the act that sets it.
 */
public record Fee(List<Component> components, BigDecimal totalBca, BigDecimal totalSoum, BigDecimal bcaValue,
                  String legalBasis) {

    public Fee {
        components = List.copyOf(components);
    }

    /** One part of a fee, e.g. the certificate or an express option, with the act that sets it. */
    public record Component(String code, BigDecimal bca, BigDecimal soum, String legalBasis) {
    }
}
