package io.complaintskpi.config;

import io.complaintskpi.calendar.WorkingDayCalendar;
import io.complaintskpi.figures.FigureSettings;
import io.complaintskpi.rules.Stage2ClockStart;
import io.complaintskpi.rules.Timescales;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings that change statutory outcomes (deadlines, timeliness, alerts), apart from the settings
 * that only say where and how the service runs ({@link ServiceConfig}). Both come from one validated
 * settings table ({@link ServiceConfig#SETTINGS}).
 */
public record RuleSettings(Set<LocalDate> extraClosures, Set<LocalDate> extraWorkingDays,
                           Stage2ClockStart stage2ClockStart, int adultsResponseMonths, int atRiskWorkingDays,
                           Duration alertSettleTime, String corporateTimescales) {

    /** The settings read into these. */
    static final List<ServiceConfig.Setting<?>> SETTINGS = List.of(ServiceConfig.EXTRA_CLOSURES,
            ServiceConfig.EXTRA_WORKING_DAYS, ServiceConfig.STAGE2_CLOCK_START, ServiceConfig.ADULTS_RESPONSE_MONTHS,
            ServiceConfig.AT_RISK_WORKING_DAYS, ServiceConfig.ALERT_SETTLE_TIME,
            ServiceConfig.CORPORATE_TIMESCALES);

    public RuleSettings {
        extraClosures = Set.copyOf(extraClosures);
        extraWorkingDays = Set.copyOf(extraWorkingDays);
    }

    static RuleSettings of(ServiceConfig config) {
        return new RuleSettings(config.get(ServiceConfig.EXTRA_CLOSURES), config.get(ServiceConfig.EXTRA_WORKING_DAYS),
                config.get(ServiceConfig.STAGE2_CLOCK_START), config.get(ServiceConfig.ADULTS_RESPONSE_MONTHS),
                config.get(ServiceConfig.AT_RISK_WORKING_DAYS), config.get(ServiceConfig.ALERT_SETTLE_TIME),
                config.get(ServiceConfig.CORPORATE_TIMESCALES));
    }

    /** @throws IllegalArgumentException when an extra working day is a weekend or also a closure */
    public WorkingDayCalendar calendar() {
        return WorkingDayCalendar.englandAndWales(extraClosures, extraWorkingDays);
    }

    /** Every regime's timescales: the statutory ones, the adult response period, councils' corporate timescales. */
    public Timescales timescales() {
        return Timescales.withAdultsResponseMonths(adultsResponseMonths).withCorporate(corporateTimescales);
    }

    /** The settings a published figure depends on, for a report to state. */
    public FigureSettings figureSettings() {
        return new FigureSettings(stage2ClockStart, new TreeSet<>(extraClosures).stream().toList(),
                new TreeSet<>(extraWorkingDays).stream().toList());
    }
}
