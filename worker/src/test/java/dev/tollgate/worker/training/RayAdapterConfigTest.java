package dev.tollgate.worker.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.train.ray.RayJobs;
import dev.tollgate.adapters.ray.HttpRayJobs;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** The worker's RayJobs.Factory is the HTTP adapter, one per context. */
class RayAdapterConfigTest {
  @Test
  void theFactoryConnectsTheHttpAdapterToTheGivenAddress() {
    try (var context = new AnnotationConfigApplicationContext(RayAdapterConfig.class)) {
      RayJobs.Factory factory = context.getBean(RayJobs.Factory.class);
      RayJobs jobs = factory.connect("http://127.0.0.1:8265/");
      assertThat(jobs).isInstanceOf(HttpRayJobs.class);
      assertThat(jobs.address()).isEqualTo("http://127.0.0.1:8265");
      assertThatThrownBy(() -> factory.connect("127.0.0.1:8265"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
