package io.fazhi.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineVersionTest {
    /** The engine's classes and data as the build left them (the code source of the engine in this test run). */
    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void theVersionIsTheCodeVersionPlusAHashAndStable() {
        String v = EngineVersion.current();
        assertTrue(v.matches("\\d+\\.\\d+\\.\\d+\\+[0-9a-f]{12}"), v);
        assertTrue(v.startsWith(EngineVersion.CODE + "+"), v);
        assertEquals(v, EngineVersion.current());
        assertEquals(v, new Extractor().version());
        assertEquals(v, EngineVersion.of(CLASSES), "computed over the classes directory the engine runs from");
    }

    @Test
    void aCopyHasTheSameVersionAndAnEditedWordListANewOne(@TempDir Path tmp) throws IOException {
        Path copy = tmp.resolve("classes");
        copyTree(CLASSES, copy);
        String original = EngineVersion.of(copy);
        assertEquals(EngineVersion.of(CLASSES), original);

        Files.writeString(
                copy.resolve("engine/units.tsv"), "宗卷\tcount\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        String edited = EngineVersion.of(copy);
        assertNotEquals(original, edited, "a word-list edit changes the version");
        assertEquals(edited, EngineVersion.of(copy), "and the new version is stable");
    }

    @Test
    void anEditedClassChangesTheVersionAndAnEditedExampleDoesNot(@TempDir Path tmp) throws IOException {
        Path copy = tmp.resolve("classes");
        copyTree(CLASSES, copy);
        String original = EngineVersion.of(copy);
        Files.writeString(
                copy.resolve("engine/corpus/metric.tsv"),
                "# a comment\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        assertEquals(original, EngineVersion.of(copy), "examples change no extraction");
        Path cls = copy.resolve("io/fazhi/engine/Numerals.class");
        byte[] bytes = Files.readAllBytes(cls);
        bytes[bytes.length - 1] ^= 1;
        Files.write(cls, bytes);
        assertNotEquals(original, EngineVersion.of(copy));
    }

    @Test
    void aJarOfTheSameFilesHasTheSameVersion(@TempDir Path tmp) throws IOException {
        Path jar = tmp.resolve("engine.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> files = Files.walk(CLASSES)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(CLASSES.relativize(p).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(p));
            }
        }
        assertEquals(EngineVersion.of(CLASSES), EngineVersion.of(jar));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            List<Path> all = files.toList();
            for (Path p : all) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
