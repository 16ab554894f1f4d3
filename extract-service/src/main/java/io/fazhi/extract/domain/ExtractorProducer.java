package io.fazhi.extract.domain;

import io.fazhi.engine.Extractor;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one extraction engine of the service, shared by the report consumer and the explain endpoint: the engine is
 * thread-safe and costly to build (its data files are read and its version hashed once).
 */
public class ExtractorProducer {
    @Produces
    @Singleton
    Extractor extractor() {
        return new Extractor();
    }
}
