package io.fazhi.aggregate.model;

import java.time.LocalDate;

/**
 * The stored row of one extraction of a revision, from the first of its section events to arrive.
 *
 * @param slice the (city, year) it counts in
 * @param publishedOnTime published before 1 April of the year after the reported year; null when unknown
 */
public record RevisionRow(
        RevisionKey key,
        int sectionCount,
        boolean withdrawn,
        String agency,
        String city,
        String district,
        String level,
        Integer year,
        String published,
        String title,
        String complianceJson,
        String warningsJson,
        SliceKey slice,
        LocalDate publishedOn,
        boolean complianceComplete,
        Boolean publishedOnTime) {}
