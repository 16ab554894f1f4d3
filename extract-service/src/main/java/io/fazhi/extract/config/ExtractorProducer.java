package io.fazhi.extract.config;

import io.fazhi.engine.Extractor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The service's one extraction engine. The engine is thread-safe and costly to build (it loads its rule data), so
 * the consumer and any endpoint that explains an extraction inject this one instance instead of building their own.
 */
@ApplicationScoped
public class ExtractorProducer {
    @Produces
    @ApplicationScoped
    Extractor extractor() {
        return new Extractor();
    }
}
