package io.fazhi.ingest.persistence;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fazhi.infra.InfraTestResource;
import io.fazhi.infra.Tokens;
import io.fazhi.ingest.fixtures.Db;
import io.fazhi.ingest.fixtures.Samples;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * An upload that is not its text already (another charset, CRLF line ends, a web page, Word, PDF) is written twice, as
 * uploaded and normalised, and PostgreSQL compresses neither copy (V5, V7): pglz cost it a third of a millisecond per
 * 20 KB copy, far more than writing the bytes. Both are kept whole, and the original comes back byte for byte.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(Tokens.class)
class UploadStorageTest {
    @Test
    void theBytesAsUploadedAndTheNormalisedTextAreStoredUncompressed() throws Exception {
        String agency = Samples.unique("江门市档案局");
        // long and repetitive, as a report's boilerplate is: well above the size from which PostgreSQL compresses;
        // saved on Windows (CRLF), so the bytes as uploaded differ from the text and are kept beside it
        String text =
                (Samples.report(agency, 2021) + "\n" + "全年开展执法检查45次,办理行政复议案件12件。\n".repeat(400)).replace("\n", "\r\n");
        byte[] uploaded = text.getBytes(StandardCharsets.UTF_8);
        String id = given().header("Authorization", Tokens.operator())
                .contentType("text/plain; charset=UTF-8")
                .queryParam("agency", agency)
                .queryParam("city", "江门市")
                .queryParam("year", 2021)
                .body(uploaded)
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        try (Connection c = Db.connect();
                PreparedStatement s = c.prepareStatement("SELECT pg_column_compression(b.bytes),"
                        + " octet_length(b.bytes), pg_column_compression(v.text), pg_column_size(v.text),"
                        + " octet_length(v.text)"
                        + " FROM ingest.report_revision v JOIN ingest.upload_blob b ON b.sha256 = v.blob_sha256"
                        + " WHERE v.report_id = ? AND v.revision = 1")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "the revision and its upload are stored");
                assertNull(rs.getString(1), "the bytes as uploaded are not compressed");
                assertEquals(uploaded.length, rs.getLong(2), "the bytes are stored whole");
                assertNull(rs.getString(3), "the normalised text is not compressed");
                assertTrue(rs.getInt(4) >= rs.getInt(5), "the text is stored whole: " + rs.getInt(4));
                assertTrue(
                        rs.getInt(5) > uploaded.length * 9 / 10 && rs.getInt(5) < uploaded.length,
                        "the normalised text is the upload without its CRs: " + rs.getInt(5));
            }
        }

        byte[] original = given().header("Authorization", Tokens.operator())
                .get("/api/v1/reports/{id}/revisions/1/original", id)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertArrayEquals(uploaded, original, "the original comes back byte for byte");
    }
}
