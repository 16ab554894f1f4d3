package io.fazhi.ingest.domain;

import io.fazhi.engine.Extractor;
import io.fazhi.engine.Normaliser;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The extraction engine's objects, built once per service (they are thread-safe and costly to build): the
 * normaliser that every identity decision hashes and sketches, and the extractor that reads agency and year from a
 * text.
 */
public class EngineBeans {
    @Produces
    @Singleton
    Normaliser normaliser() {
        return new Normaliser();
    }

    @Produces
    @Singleton
    Extractor extractor() {
        return new Extractor();
    }
}
