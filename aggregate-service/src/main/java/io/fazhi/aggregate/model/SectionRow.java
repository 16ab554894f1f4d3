package io.fazhi.aggregate.model;

/** One section of one extraction, as stored. */
public record SectionRow(
        RevisionKey key, int index, String heading, int level, String path, String category, int offset) {
    public SectionKey sectionKey() {
        return new SectionKey(key, index);
    }
}
