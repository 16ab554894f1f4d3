package io.fazhi.ingest.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentFingerprintTest {
    @Test
    void theStreamedHashIsTheHashOfTheUtf8Bytes() {
        StringBuilder long_ = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            long_.append("依法行政").append(i).append("𠀀");
        }
        for (String s :
                List.of("", "abc", "法治政府建设年度报告", "emoji 🎉 and 𠀀", long_.toString(), "lone \ud800 surrogate")) {
            assertEquals(
                    ContentFingerprint.sha256(s.getBytes(StandardCharsets.UTF_8)), ContentFingerprint.sha256(s), s);
        }
    }
}
