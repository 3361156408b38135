package io.complaintskpi.figures;

import io.complaintskpi.rules.Stage2ClockStart;

import java.time.LocalDate;
import java.util.List;

/**
 * The configured rules a report's figures depend on, stated in the report so two reports with different
 * figures can be told apart: the stage 2 clock start moves stage 2 timeliness, extra closures and extra
 * working days move every working-day deadline.
 */
public record FigureSettings(Stage2ClockStart stage2ClockStart, List<LocalDate> extraClosures,
                             List<LocalDate> extraWorkingDays) {

    public FigureSettings {
        extraClosures = List.copyOf(extraClosures);
        extraWorkingDays = List.copyOf(extraWorkingDays);
    }
}
