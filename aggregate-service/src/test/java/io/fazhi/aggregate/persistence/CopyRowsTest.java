package io.fazhi.aggregate.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The COPY text format: fields, nulls and the escapes PostgreSQL reads back. */
class CopyRowsTest {
    @Test
    void rowsAreInCopyTextFormat() {
        CopyRows rows = new CopyRows()
                .field("r1")
                .field(3)
                .field(null)
                .field(new BigDecimal("1.9557E+7"))
                .field("a\tb\nc\\d\re")
                .endRow()
                .field("第二行")
                .endRow();
        assertEquals("r1\t3\t\\N\t19557000\ta\\tb\\nc\\\\d\\re\n第二行\n", rows.text());
        assertEquals(2, rows.rows());
    }
}
