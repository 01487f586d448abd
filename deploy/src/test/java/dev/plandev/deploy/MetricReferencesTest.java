package dev.plandev.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The metric names found in PromQL, which {@link MetricNamesTest} checks against /metrics. */
class MetricReferencesTest {
  @Test
  void in_findsMetrics_notLabelsFunctionsOrKeywords() {
    assertThat(
            MetricReferences.in(
                "histogram_quantile(0.95, sum by (job, instance, le)"
                    + " (rate(http_server_requests_seconds_bucket{status=~\"5..\",x='y'}[5m])))"
                    + " > 0.2 and on (instance) group_left up offset 5m"))
        .containsExactlyInAnyOrder("http_server_requests_seconds_bucket", "up");
  }

  @Test
  void in_skipsRecordingRulesNumbersAndGrafanaVariables() {
    assertThat(
            MetricReferences.in(
                "instance:plandev_cache_hit:ratio_10m < 0.7 or plandev_disk_free_bytes < 5e8"
                    + " or rate(plandev_store_writes_total{instance=~\"$instance\"}"
                    + "[$__rate_interval]) > bool 1"))
        .containsExactlyInAnyOrder("plandev_disk_free_bytes", "plandev_store_writes_total");
  }

  @Test
  void inVariableQuery_readsTheMetricOfLabelValues() {
    assertThat(
            MetricReferences.inVariableQuery(
                "label_values(http_server_requests_seconds_count, instance)"))
        .containsExactly("http_server_requests_seconds_count");
  }
}
