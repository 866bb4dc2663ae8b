package uz.qaror.tools.catalog;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import uz.qaror.ServiceDescriptor;

/**
 * The catalog measured against Presidential Resolution PQ-308 of 14.09.2023: 700 services on the portal,
 * 65% of them decided automatically, at least 75% available in the mobile app.
 */
public record CatalogStats(Row total, Map<String, Row> byAgency) {

    public static final int TARGET_SERVICES = 700;
    public static final double TARGET_AUTOMATIC = 0.65;
    public static final double TARGET_MOBILE = 0.75;

    /** Counts for a group of services. */
    public record Row(int services, int automatic, int mobile) {

        public double automaticShare() {
            return services == 0 ? 0 : (double) automatic / services;
        }

        public double mobileShare() {
            return services == 0 ? 0 : (double) mobile / services;
        }
    }

    public static CatalogStats of(List<ServiceDescriptor> services) {
        Map<String, List<ServiceDescriptor>> grouped = services.stream().collect(Collectors.groupingBy(
                s -> s.agency() == null ? "-" : s.agency().id(), TreeMap::new, Collectors.toList()));
        Map<String, Row> byAgency = new TreeMap<>();
        grouped.forEach((agency, list) -> byAgency.put(agency, row(list)));
        return new CatalogStats(row(services), byAgency);
    }

    private static Row row(List<ServiceDescriptor> services) {
        int automatic = (int) services.stream().filter(ServiceDescriptor::automatic).count();
        int mobile = (int) services.stream().filter(s -> s.channels().contains("mobile")).count();
        return new Row(services.size(), automatic, mobile);
    }
}
