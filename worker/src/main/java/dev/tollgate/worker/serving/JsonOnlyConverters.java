package dev.tollgate.worker.serving;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The worker's HTTP API speaks JSON (and form posts, for Slack): no YAML, XML, CBOR or Smile
 * converter. Spring registers one for each format whose library is on the classpath, and the worker
 * carries Jackson's YAML module for specs: without this, a controller taking a body would parse
 * YAML too (aliases and all), and any answer could be asked for as YAML.
 */
@Configuration(proxyBeanMethods = false)
public class JsonOnlyConverters implements WebMvcConfigurer {
  private static final List<MediaType> REFUSED =
      List.of(
          MediaType.APPLICATION_YAML,
          MediaType.APPLICATION_XML,
          MediaType.TEXT_XML,
          MediaType.parseMediaType("application/*+xml"),
          MediaType.APPLICATION_CBOR,
          MediaType.parseMediaType("application/x-jackson-smile"));

  @Override
  public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
    builder.configureMessageConvertersList(
        converters -> converters.removeIf(JsonOnlyConverters::refused));
  }

  private static boolean refused(HttpMessageConverter<?> converter) {
    return converter.getSupportedMediaTypes().stream()
        .anyMatch(type -> REFUSED.stream().anyMatch(type::equalsTypeAndSubtype));
  }
}
