package io.fazhi.ingest.domain.identity;

import java.util.Objects;

/**
 * Which report a text is: the annual report of one agency for one year. Known from the uploader (an agency's token,
 * an operator's metadata) and, where they are silent, from the text itself.
 *
 * @param agencyKey {@link AgencyNames#key} of the agency, null when unknown
 * @param agency the agency's name as published (the registry's, else as given), null when unknown
 * @param city the city, null when unknown
 * @param district the district, county or zone, null when unknown
 * @param year the year the report covers, null when unknown
 */
public record Identity(String agencyKey, String agency, String city, String district, Integer year) {
    public static final Identity UNKNOWN = new Identity(null, null, null, null, null);

    /** Whether agency and year are both known: then at most one report has this identity. */
    public boolean complete() {
        return agencyKey != null && year != null;
    }

    /** Whether both name the same agency and year. */
    public boolean sameAs(String otherAgencyKey, Integer otherYear) {
        return complete() && agencyKey.equals(otherAgencyKey) && year.equals(otherYear);
    }

    /** Whether a text of this identity can be the same document as one of {@code otherYear}: no two years differ. */
    public boolean yearCompatible(Integer otherYear) {
        return year == null || otherYear == null || Objects.equals(year, otherYear);
    }
}
