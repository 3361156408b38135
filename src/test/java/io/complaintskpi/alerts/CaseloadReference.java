package io.complaintskpi.alerts;

import io.complaintskpi.calendar.WorkingDayCalendar;

import java.util.ArrayList;
import java.util.List;

/**
 * The open or overdue list by its definition, for tests to hold the service's reads against: every entry that
 * matches counted, all of them sorted most urgent first, the first {@code limit} listed.
 */
public final class CaseloadReference {

    private CaseloadReference() {
    }

    public static Caseload.Page open(Iterable<Caseload.Entry> open, Caseload.Query query, WorkingDayCalendar calendar) {
        List<Caseload.Entry> matches = new ArrayList<>();
        open.forEach(entry -> {
            if (query.lists(entry, calendar)) {
                matches.add(entry);
            }
        });
        matches.sort(Caseload.OPEN_BY_URGENCY);
        return new Caseload.Page(matches.size(), matches.stream().limit(query.limit())
                .map(entry -> Caseload.row(entry, calendar, query.today())).toList(), null);
    }
}
