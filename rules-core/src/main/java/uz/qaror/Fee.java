package uz.qaror;

import java.math.BigDecimal;
import java.util.List;

/**
 * The state duty or service fee as of the decision date: each component in BCA (base calculation amounts)
 * and in soum, with the total and the act that sets it. A component has a lower rate online where the law gives
 * one ({@link ServiceDescriptor.FeeComponent#rate(boolean)}).
 *
 * @param components the parts charged: the descriptor's components, then the options rules charged
 * @param totalBca   the sum of the components in BCA
 * @param totalSoum  the sum of the components in soum (each rounded half up to a whole soum first)
 * @param bcaValue   the BCA in force on the decision date, in soum
 * @param legalBasis the act that sets the fee as a whole
 */
public record Fee(List<Component> components, BigDecimal totalBca, BigDecimal totalSoum, BigDecimal bcaValue,
                  String legalBasis) {

    /**
     * Creates a fee; the engine makes them, and tests may make their own.
     *
     * @param components see {@link #components()}
     * @param totalBca   see {@link #totalBca()}
     * @param totalSoum  see {@link #totalSoum()}
     * @param bcaValue   see {@link #bcaValue()}
     * @param legalBasis see {@link #legalBasis()}
     * @throws NullPointerException when {@code components} is {@code null}
     */
    public Fee {
        components = List.copyOf(components);
    }

    /**
     * One part of a fee, e.g. the certificate or an express option, with the act that sets it.
     *
     * @param code       the component's code in the descriptor
     * @param bca        the rate charged, in BCA (the online rate for an online application where there is one)
     * @param soum       {@code bca} times the BCA in force, rounded half up to a whole soum
     * @param legalBasis the act that sets this part: its own where the descriptor names one, else the fee's
     */
    public record Component(String code, BigDecimal bca, BigDecimal soum, String legalBasis) {
    }
}
