package io.complaintskpi.lifecycle;

import io.complaintskpi.rules.Timescale.Milestone;

import java.time.LocalDate;

/**
 * One statutory deadline of a complaint: what must happen ({@code milestone}) at which stage, and by when.
 * A deadline is met when its milestone happens; a moved due date is a different deadline.
 */
public record Deadline(int stage, Milestone milestone, LocalDate due) {
}
