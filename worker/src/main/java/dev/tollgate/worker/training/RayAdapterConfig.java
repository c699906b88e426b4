package dev.tollgate.worker.training;

import dev.tollgate.activities.train.ray.RayJobs;
import dev.tollgate.adapters.ray.HttpRayJobs;
import dev.tollgate.adapters.ray.RayTimeouts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Ray runner's way to a cluster (issue 26): the HTTP adapter on Ray's Jobs REST API, one JDK
 * HTTP client shared by every cluster address the runner connects to, with the adapter's timeouts
 * (5 s to connect, 30 s a call, 5 min a package upload). The runner's settings and the address
 * allow-list are the runner's ({@code tollgate.training.ray.*}); this only wires the adapter in, so
 * the core never sees an HTTP class.
 */
@Configuration(proxyBeanMethods = false)
public class RayAdapterConfig {

  @Bean
  RayJobs.Factory rayJobsFactory() {
    return HttpRayJobs.factory(RayTimeouts.DEFAULTS);
  }
}
