package org.annft.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** JSON and CSV text that a standard reader (Jackson) reads back as the original value. */
class TextValuesTest {

    @Test
    void jsonStringsAndCsvFieldsReadBackAsWritten() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String s : new String[] {"relu", "a \"quoted\" \\ path", "tab\tline\nreturn\r\u0001end", "é 日本"}) {
            assertEquals(s, json.readTree(TextValues.jsonString(s)).asText(), s);
        }
        assertEquals("null", TextValues.jsonNumber(Double.NaN));
        assertEquals(0.1, json.readTree(TextValues.jsonNumber(0.1)).asDouble(), 0);
        assertEquals("plain", TextValues.csvField("plain"));
        assertEquals("\"a, \"\"b\"\"\"", TextValues.csvField("a, \"b\""));
        assertEquals("\"line\nbreak\"", TextValues.csvField("line\nbreak"));
    }
}
