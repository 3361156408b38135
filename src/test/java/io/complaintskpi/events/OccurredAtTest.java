package io.complaintskpi.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The positional read must accept, read and refuse exactly what {@link OffsetDateTime#parse} does. */
class OccurredAtTest {

    private static final String ALPHABET = "0123456789-+:TZtz. ";

    @ParameterizedTest
    @ValueSource(strings = {"2021-04-01T09:30:00Z", "2021-04-01T09:30:00+01:00", "2021-04-01T09:30:00-00:00",
            "2016-02-29T23:59:59+00:00", "0000-01-01T00:00:00Z", "2021-04-01T09:30:00.5Z", "2021-04-01t09:30:00z",
            "2021-04-01T09:30Z", "2021-04-01T09:30:00+18:00", "2021-04-01T09:30:00+01:00:00"})
    void reads_what_the_formatter_reads(String text) {
        assertThat(OccurredAt.parse(text)).isEqualTo(OffsetDateTime.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-02-29T09:30:00Z", "2021-04-31T09:30:00Z", "2021-13-01T09:30:00Z",
            "2021-04-01T24:00:00Z", "2021-04-01T09:60:00Z", "2021-04-01T09:30:60Z", "2021-04-01T09:30:00+19:00",
            "2021-04-01T09:30:00+01:60", "2021-04-01T09:30:00X", "2021-04-01T09:30:00+0100", "2021-04-01 09:30:00Z",
            "", "2021-04-01"})
    void refuses_what_the_formatter_refuses_with_its_message(String text) {
        String expected = messageOf(text);
        assertThatThrownBy(() -> OccurredAt.parse(text)).isInstanceOf(DateTimeParseException.class)
                .hasMessage(expected);
    }

    @Test
    void no_text_is_refused_as_the_formatter_refuses_it() {
        assertThatThrownBy(() -> OccurredAt.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
    }

    @Test
    void a_utc_offset_is_the_utc_constant() {
        assertThat(OccurredAt.parse("2021-04-01T09:30:00+00:00").getOffset()).isSameAs(ZoneOffset.UTC);
    }

    @Test
    void agrees_with_the_formatter_on_random_near_misses() {
        Random random = new Random(42);
        String[] shapes = {"2021-04-01T09:30:00Z", "2021-04-01T09:30:00+01:00", "2024-12-31T23:59:59-05:30"};
        for (int i = 0; i < 50_000; i++) {
            char[] text = shapes[random.nextInt(shapes.length)].toCharArray();
            for (int changes = random.nextInt(3); changes > 0; changes--) {
                text[random.nextInt(text.length)] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            }
            String candidate = new String(text);
            String expected;
            try {
                expected = OffsetDateTime.parse(candidate).toString();
            } catch (DateTimeParseException e) {
                expected = "refused: " + e.getMessage();
            }
            String actual;
            try {
                actual = OccurredAt.parse(candidate).toString();
            } catch (DateTimeParseException e) {
                actual = "refused: " + e.getMessage();
            }
            assertThat(actual).as(candidate).isEqualTo(expected);
        }
    }

    private static String messageOf(String text) {
        try {
            OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return e.getMessage();
        }
        throw new AssertionError(text + " is accepted by the formatter");
    }
}
