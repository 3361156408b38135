package io.complaintskpi.rules;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The working-day limits of a council's corporate (two-stage) complaints procedure. {@link #CODE} are the
 * Ombudsman's Complaint Handling Code (February 2024): stage 1 acknowledged within 5 working days of receipt
 * (6.2), answered within 10 of the acknowledgement (6.3), an extension of at most 10 more without good reason
 * (6.4); stage 2 acknowledged within 5 working days of the request and answered within 20 of the
 * acknowledgement, an extension of at most 20 more without a reason (the usual council policy; the Code's
 * stage 2 paragraph numbers are not confirmed here). A council whose published policy differs has its own
 * set ({@link #parse}); reports state which set they applied.
 */
public record CorporateTimescales(int stage1Acknowledgement, int stage1Response, int stage1Extension,
                                  int stage2Acknowledgement, int stage2Response, int stage2Extension) {

    /** The Complaint Handling Code's own timescales: the defaults. */
    public static final CorporateTimescales CODE = new CorporateTimescales(5, 10, 10, 5, 20, 20);

    private static final String[] KEYS = {"stage1-ack", "stage1-response", "stage1-extension", "stage2-ack",
            "stage2-response", "stage2-extension"};

    public CorporateTimescales {
        int[] all = {stage1Acknowledgement, stage1Response, stage1Extension, stage2Acknowledgement, stage2Response,
                stage2Extension};
        for (int i = 0; i < all.length; i++) {
            if (all[i] < 1 || all[i] > 65) {
                throw new IllegalArgumentException(KEYS[i] + " must be 1 to 65 working days, got " + all[i]);
            }
        }
    }

    /** Working days to acknowledge the stage, counted from its receipt (stage 1) or request (stage 2). */
    public int acknowledgement(int stage) {
        return stage == 1 ? stage1Acknowledgement : stage2Acknowledgement;
    }

    /** Working days to answer the stage, counted from its acknowledgement. */
    public int response(int stage) {
        return stage == 1 ? stage1Response : stage2Response;
    }

    /** The most working days an extension may add without a recorded reason. */
    public int extension(int stage) {
        return stage == 1 ? stage1Extension : stage2Extension;
    }

    /**
     * Reads {@code stage1-response=20,stage2-extension=10} (any of {@code stage1-ack}, {@code stage1-response},
     * {@code stage1-extension}, {@code stage2-ack}, {@code stage2-response}, {@code stage2-extension}); what is
     * not named keeps its value in {@code base}.
     */
    public static CorporateTimescales parse(String text, CorporateTimescales base) {
        Map<String, Integer> values = new LinkedHashMap<>();
        int[] current = {base.stage1Acknowledgement, base.stage1Response, base.stage1Extension,
                base.stage2Acknowledgement, base.stage2Response, base.stage2Extension};
        for (int i = 0; i < KEYS.length; i++) {
            values.put(KEYS[i], current[i]);
        }
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] pair = part.split("=", -1);
            String key = pair[0].trim().toLowerCase(Locale.ROOT);
            if (pair.length != 2 || !values.containsKey(key)) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not one of " + String.join("=N, ", KEYS)
                        + "=N");
            }
            try {
                values.put(key, Integer.parseInt(pair[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part.trim() + "': " + pair[1].trim()
                        + " is not a whole number of working days", e);
            }
        }
        return new CorporateTimescales(values.get(KEYS[0]), values.get(KEYS[1]), values.get(KEYS[2]),
                values.get(KEYS[3]), values.get(KEYS[4]), values.get(KEYS[5]));
    }

    /** The form {@link #parse} reads, naming every value: what reports print as the timescales applied. */
    public String describe() {
        return String.format("stage 1: acknowledge %d, respond %d (+%d) working days; stage 2: acknowledge %d,"
                        + " respond %d (+%d) working days", stage1Acknowledgement, stage1Response, stage1Extension,
                stage2Acknowledgement, stage2Response, stage2Extension);
    }
}
