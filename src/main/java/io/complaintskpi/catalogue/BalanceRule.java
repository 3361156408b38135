package io.complaintskpi.catalogue;

import io.complaintskpi.catalogue.SumRule.Part;

import java.util.List;

/**
 * A balance published beside what moves it: complaints open at the end of a period are those open at the
 * end of the prior period, plus those received, minus those closed ({@code closed}, the published closures).
 * Disclosure control assumes a reader knows the opening balance (it is printed in the prior column, or in
 * last year's report), so within a period {@code open - received + closed} is a known number.
 */
public record BalanceRule(String openId, String receivedId, List<Part> closed) {

    public BalanceRule {
        closed = List.copyOf(closed);
    }
}
