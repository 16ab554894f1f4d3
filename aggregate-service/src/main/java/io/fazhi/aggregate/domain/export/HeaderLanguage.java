package io.fazhi.aggregate.domain.export;

/** The language of an export's column headers (and of its yes/no values). */
public enum HeaderLanguage {
    /** Column ids as in the JSON API (machine-friendly); true/false. */
    EN,
    /** Chinese headers for people; 是/否. */
    ZH
}
