package io.complaintskpi.catalogue;

import java.util.Locale;
import java.util.Map;

/** Readable names for enum dimensions in report tables; service areas are shown as recorded. */
public final class Labels {

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("REFERRALS", "Referrals to children's social care"),
            Map.entry("SINGLE_ASSESSMENTS", "Single assessments"),
            Map.entry("CHILDREN_IN_CARE", "Children in care at 31 March"),
            Map.entry("CHILD_PROTECTION_PLANS", "Child protection plans at 31 March"),
            Map.entry("QUALITY_OF_WORK", "Quality of our work"),
            Map.entry("FAIRNESS", "Our fairness to you"),
            Map.entry("PROFESSIONAL_JUDGEMENT", "Professional judgement / decision making"),
            Map.entry("MULTIPLE_CAUSES", "Multiple causes"),
            Map.entry("POLITENESS_OPENNESS_HONESTY", "Politeness, openness and honesty"),
            Map.entry("SENSITIVITY_EMPATHY", "Sensitivity / empathy of staff"),
            Map.entry("CLARITY_ACCURACY_OF_INFORMATION", "Clarity / accuracy of information"),
            Map.entry("ACCESSIBILITY_OF_SERVICES", "Accessibility of our services"),
            Map.entry("CONDITION_OF_PREMISES", "Condition of premises / infrastructure"),
            Map.entry("POLICY", "Our policy"),
            Map.entry("INDEPENDENT_PERSON", "Independent Persons"),
            Map.entry("INVESTIGATING_OFFICER", "Investigating Officers"),
            Map.entry("STAGE3_PANEL", "Stage 3 panels"),
            Map.entry("AMENDED_RECORDS", "Amended our records"),
            Map.entry("APOLOGY", "Apology given"),
            Map.entry("CLOSED_AFTER_INITIAL_ENQUIRIES", "Closed after initial enquiries (no further action)"),
            Map.entry("NOT_UPHELD", "Not upheld"),
            Map.entry("UPHELD_MALADMINISTRATION_NO_INJUSTICE", "Upheld: maladministration, no injustice"),
            Map.entry("UPHELD_MALADMINISTRATION_INJUSTICE", "Upheld: maladministration and injustice"),
            Map.entry("PREMATURE", "Premature (referred back for local resolution)"),
            Map.entry("INCOMPLETE_INVALID", "Incomplete / invalid"),
            Map.entry("UPHELD_SATISFACTORY_REMEDY_BY_COUNCIL", "Upheld: satisfactory remedy provided by the council"));

    private Labels() {
    }

    /** A known name, else an enum-like value made readable ("FIRST_RESPONSE" -> "First response"). */
    public static String of(String dimension) {
        String named = NAMED.get(dimension);
        if (named != null) {
            return named;
        }
        if (!dimension.matches("[A-Z0-9_]+")) {
            return dimension;
        }
        String words = dimension.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
