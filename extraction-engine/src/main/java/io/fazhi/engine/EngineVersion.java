package io.fazhi.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The version of the extraction rules: {@link #CODE} (the engine's semantic version, bumped by hand when its output
 * changes shape) plus a hash of the engine's classes ({@code io/fazhi/engine/**}) and data files ({@code
 * engine/**}, the rule corpora left out: examples change no extraction), read once from the engine jar or classes
 * directory: {@code 2.0.0+3f9a1c2b7d4e}. Any edit of a word list or a rule yields a new version, so a re-extraction
 * gets new event ids and replaces the old extraction instead of being dropped as a duplicate. Deterministic: the
 * same classes and data give the same version wherever they are loaded from.
 */
public final class EngineVersion {
    /** The semantic version of the engine code. */
    public static final String CODE = "2.0.0";

    private static final String CLASSES = "io/fazhi/engine/";
    private static final String DATA = "engine/";
    private static final String EXAMPLES = "engine/corpus/";
    private static final int HASH_CHARS = 12;

    private static volatile String current;

    private EngineVersion() {}

    /** The version of the engine on the class path: {@link #CODE}, a plus, and the hash of its classes and data. */
    public static String current() {
        String v = current;
        if (v == null) {
            synchronized (EngineVersion.class) {
                v = current;
                if (v == null) {
                    v = CODE + "+" + hashOf(engineFiles());
                    current = v;
                }
            }
        }
        return v;
    }

    /**
     * The version of the engine whose classes and data lie in {@code root} (a classes directory or a copy of one,
     * or an engine jar).
     */
    public static String of(Path root) {
        return CODE + "+" + hashOf(root);
    }

    private static String hashOf(Path root) {
        try {
            return Files.isDirectory(root) ? hash(directory(root)) : hash(jar(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the engine at " + root, e);
        }
    }

    /** Where the engine's classes were loaded from. */
    private static Path engineFiles() {
        CodeSource source = EngineVersion.class.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            throw new IllegalStateException("the engine's classes have no code source to hash");
        }
        try {
            return Path.of(location.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("the engine's classes come from " + location + ", not a file", e);
        }
    }

    private static boolean counts(String name) {
        return (name.startsWith(CLASSES) || name.startsWith(DATA)) && !name.startsWith(EXAMPLES) && !name.endsWith("/");
    }

    private static Map<String, byte[]> directory(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            List<Path> regular = all.filter(Files::isRegularFile).toList();
            for (Path p : regular) {
                String name = root.relativize(p).toString().replace('\\', '/');
                if (counts(name)) {
                    files.put(name, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    private static Map<String, byte[]> jar(Path jar) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                entries.add(e.nextElement());
            }
            for (ZipEntry entry : entries) {
                if (counts(entry.getName())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        files.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return files;
    }

    /** SHA-256 over each file's name and bytes, in name order; the first {@link #HASH_CHARS} hex digits. */
    private static String hash(Map<String, byte[]> files) {
        if (files.isEmpty()) {
            throw new IllegalStateException("no engine classes or data to hash");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                sha.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Integer.toString(f.getValue().length).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.getValue());
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
