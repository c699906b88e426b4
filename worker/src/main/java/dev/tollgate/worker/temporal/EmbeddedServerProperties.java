package dev.tollgate.worker.temporal;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the embedded Temporal server listens ({@code tollgate.temporal.embedded-bind}, env
 * TOLLGATE_EMBEDDED_BIND), beside its port in {@code TollgateProperties.Temporal}. The server has
 * no TLS and no authentication, so the default is loopback: only this machine's users and processes
 * reach it. Another address ({@code 0.0.0.0}: every interface) is the operator's explicit choice,
 * and the worker warns about it at start.
 *
 * @param embeddedBind an IP address or host name of this machine
 */
@Validated
@ConfigurationProperties("tollgate.temporal")
public record EmbeddedServerProperties(@NotBlank @DefaultValue("127.0.0.1") String embeddedBind) {}
