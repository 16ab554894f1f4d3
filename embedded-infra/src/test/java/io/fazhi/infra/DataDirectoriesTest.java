package io.fazhi.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoriesTest {
    @TempDir
    Path tmp;

    @Test
    void deletesANestedTreeWithItsFiles() throws Exception {
        Path root = tmp.resolve("data");
        Files.createDirectories(root.resolve("postgres/base/1"));
        Files.writeString(root.resolve("postgres/base/1/file"), "x");
        Files.writeString(root.resolve("postgres/PG_VERSION"), "17");
        Files.createDirectories(root.resolve("kafka"));

        DataDirectories.deleteRecursively(root);

        assertFalse(Files.exists(root));
        assertTrue(Files.exists(tmp), "only the tree itself goes");
    }

    @Test
    void aMissingDirectoryIsNothingToDo() {
        DataDirectories.deleteRecursively(tmp.resolve("never-created"));
        assertTrue(Files.exists(tmp));
    }
}
