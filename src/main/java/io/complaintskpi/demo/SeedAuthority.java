package io.complaintskpi.demo;

import io.complaintskpi.authorities.Authority;
import io.complaintskpi.authorities.CouncilType;
import io.complaintskpi.authorities.Population;
import io.complaintskpi.rules.FinancialYear;

import java.util.Map;

/**
 * The seed authority's reference record, which the demo publishes: its name, GSS code, type and region as they
 * are; its populations illustrative (of the right size for the county, rounded; not the ONS estimates).
 */
public final class SeedAuthority {

    private SeedAuthority() {
    }

    public static Authority record() {
        return new Authority(SeedHistory.AUTHORITY, "Leicestershire County Council", SeedHistory.AUTHORITY,
                CouncilType.COUNTY, "East Midlands", Map.of(
                FinancialYear.parse("2013/14"), new Population(662_000, 136_000),
                FinancialYear.parse("2014/15"), new Population(667_000, 137_000),
                FinancialYear.parse("2015/16"), new Population(675_000, 138_000)));
    }
}
