package dev.tollgate.worker.logging;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tollgate.log.*}. Logback reads the format itself (logback-spring.xml), before any bean
 * exists; this record is here so that a misspelt value stops the worker with the key and the
 * choices, instead of silently logging text.
 *
 * @param format {@code text} (Spring Boot's usual lines) or {@code json} (one object a line)
 */
@Validated
@ConfigurationProperties("tollgate.log")
public record LogProperties(
    @Pattern(regexp = "text|json", message = "must be text or json (lower case)")
        @DefaultValue("text")
        String format) {}
