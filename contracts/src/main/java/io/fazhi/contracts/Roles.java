package io.fazhi.contracts;

/**
 * Who may do what: the role names (the JWT {@code groups} claim) and the claim naming an agency, shared by the
 * services that check them and the tools that issue tokens.
 */
public final class Roles {
    /** Uploads for any agency or none, reads every report, manages agencies, reprocesses, merges. */
    public static final String OPERATOR = "operator";
    /** An office that uploads and reads its own reports only; the {@link #AGENCY_CLAIM} names it. */
    public static final String AGENCY = "agency";
    /** The claim holding the roles. */
    public static final String GROUPS_CLAIM = "groups";
    /** The claim naming the agency of an {@link #AGENCY} token. */
    public static final String AGENCY_CLAIM = "agency";

    private Roles() {}
}
