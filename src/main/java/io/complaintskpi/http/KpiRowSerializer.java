package io.complaintskpi.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * A {@code /kpis} row written field by field, as Jackson's record serializer writes it (the same names, order,
 * nulls and number text), without its reflective accessor per field: writing some 500 rows an answer that
 * way was a fifth of its CPU. {@code KpiRowSerializerTest} holds it to the record serializer's bytes.
 */
final class KpiRowSerializer extends StdSerializer<KpiRoutes.KpiRow> {

    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString REGIME = new SerializedString("regime");
    private static final SerializableString MEASURE = new SerializedString("measure");
    private static final SerializableString DIMENSION = new SerializedString("dimension");
    private static final SerializableString UNIT = new SerializedString("unit");
    private static final SerializableString VALUE = new SerializedString("value");
    private static final SerializableString TEXT = new SerializedString("text");
    private static final SerializableString PRIOR = new SerializedString("prior");
    private static final SerializableString PRIOR_TEXT = new SerializedString("priorText");
    private static final SerializableString CHANGE = new SerializedString("change");
    private static final SerializableString CHANGE_TEXT = new SerializedString("changeText");
    private static final SerializableString PERCENT_CHANGE = new SerializedString("percentChange");

    KpiRowSerializer() {
        super(KpiRoutes.KpiRow.class);
    }

    @Override
    public void serialize(KpiRoutes.KpiRow row, JsonGenerator out, SerializerProvider provider) throws IOException {
        out.writeStartObject(row);
        string(out, ID, row.id());
        string(out, REGIME, row.regime());
        string(out, MEASURE, row.measure());
        string(out, DIMENSION, row.dimension());
        string(out, UNIT, row.unit() == null ? null : row.unit().name());
        number(out, VALUE, row.value());
        string(out, TEXT, row.text());
        number(out, PRIOR, row.prior());
        string(out, PRIOR_TEXT, row.priorText());
        number(out, CHANGE, row.change());
        string(out, CHANGE_TEXT, row.changeText());
        number(out, PERCENT_CHANGE, row.percentChange());
        out.writeEndObject();
    }

    private static void string(JsonGenerator out, SerializableString name, String value) throws IOException {
        out.writeFieldName(name);
        if (value == null) {
            out.writeNull();
        } else {
            out.writeString(value);
        }
    }

    private static void number(JsonGenerator out, SerializableString name, BigDecimal value) throws IOException {
        out.writeFieldName(name);
        if (value == null) {
            out.writeNull();
        } else if (value.scale() == 0 && value.precision() < 19) {
            out.writeNumber(value.longValue()); // the same digits, without BigDecimal's text
        } else {
            out.writeNumber(value);
        }
    }
}
