package dev.tollgate.worker.serving;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tollgate.serving.limits.*}: how much one prediction request may ask of the worker. The
 * serving API is unauthenticated (a load balancer or the worker's own port), so these bound what
 * anyone who can reach it can make the worker read and hold: a body over {@code maxRequestBytes} is
 * a 413 (refused on its Content-Length before a byte is read, or once the stream passes it), a
 * request with more than {@code maxRows} rows a 400 naming the limit.
 *
 * @param maxRequestBytes env TOLLGATE_SERVING_MAX_REQUEST_BYTES; default 4MB (about 40,000 rows of
 *     ten numeric fields)
 * @param maxRows env TOLLGATE_SERVING_MAX_ROWS; default 10,000
 */
@Validated
@ConfigurationProperties("tollgate.serving.limits")
public record ServingLimits(
    @NotNull @DefaultValue("4MB") DataSize maxRequestBytes,
    @Min(1) @Max(10_000_000) @DefaultValue("10000") int maxRows) {}
