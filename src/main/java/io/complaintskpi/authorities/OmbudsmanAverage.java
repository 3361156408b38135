package io.complaintskpi.authorities;

import io.complaintskpi.catalogue.KpiIds;
import io.complaintskpi.rules.FinancialYear;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An average the Local Government and Social Care Ombudsman publishes for one council type and financial year
 * (the "average of similar authorities" of its annual review letters), as reference data on the
 * {@code authorities} topic beside the authority records, keyed by {@link #key}.
 *
 * @param percent the average as the publication gives it, exact (decimal, no binary fraction)
 */
public record OmbudsmanAverage(CouncilType councilType, FinancialYear year, Measure measure, BigDecimal percent,
                               Source source) {

    /** What an average is of; each is the Ombudsman's figure the service computes as the KPI {@link #kpiId}. */
    public enum Measure {
        UPHOLD_RATE("uphold-rate", KpiIds.OMBUDSMAN_UPHOLD_RATE),
        COMPLIANCE("compliance", KpiIds.OMBUDSMAN_COMPLIANCE_RATE),
        SATISFACTORY_REMEDY("satisfactory-remedy", KpiIds.OMBUDSMAN_SATISFACTORY_REMEDY_RATE);

        private final String code;
        private final String kpiId;

        Measure(String code, String kpiId) {
            this.code = code;
            this.kpiId = kpiId;
        }

        /** As the contract writes it: {@code uphold-rate}. */
        public String code() {
            return code;
        }

        public String kpiId() {
            return kpiId;
        }

        public static Optional<Measure> ofCode(String code) {
            return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
        }

        /** The measure whose average compares with the KPI {@code kpiId}, if the Ombudsman publishes one. */
        public static Optional<Measure> ofKpi(String kpiId) {
            return Arrays.stream(values()).filter(m -> m.kpiId.equals(kpiId)).findFirst();
        }
    }

    /** The publication the average was read from and the calendar year it came out; {@code url} may be null. */
    public record Source(String title, String url, int year) {
        public Source {
            Objects.requireNonNull(title, "title");
        }
    }

    /** What every key of an average starts with; no authority code can (a code has no {@code |}). */
    static final String KEY_PREFIX = "ombudsman-average|";

    public OmbudsmanAverage {
        Objects.requireNonNull(councilType, "councilType");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(source, "source");
    }

    /** Its record key on the topic: {@code ombudsman-average|county|2023/24|uphold-rate}. */
    public String key() {
        return key(councilType.code(), year.label(), measure.code());
    }

    static String key(String councilType, String year, String measure) {
        return KEY_PREFIX + councilType + "|" + year + "|" + measure;
    }

    /** Whether a record key of the topic is an average's rather than an authority's code. */
    public static boolean isKey(String key) {
        return key.startsWith(KEY_PREFIX);
    }
}
