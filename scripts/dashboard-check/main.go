// dashboard-check, built by scripts/check-dashboard.sh against the compose file's Prometheus
// release (its Go module, github.com/prometheus/prometheus v0.3XX.Y for v3.XX.Y):
//
//	dashboard-check queries DASHBOARD.json   every query against PromQL and Tollgate's metrics
//	dashboard-check config PROMETHEUS.yml    the config loads as the Prometheus server loads it
package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/prometheus/prometheus/config"
	// The service discovery prometheus.yml uses; the server registers every kind, this only these.
	_ "github.com/prometheus/prometheus/discovery/dns"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: dashboard-check queries DASHBOARD.json | config PROMETHEUS.yml")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "queries":
		checkDashboard(os.Args[2])
	case "config":
		checkConfig(os.Args[2])
	default:
		fmt.Fprintln(os.Stderr, "unknown check", os.Args[1])
		os.Exit(2)
	}
}

func checkConfig(path string) {
	c, err := config.LoadFile(path, false, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, s := range c.ScrapeConfigs {
		fmt.Printf("scrape job %s: %s%s every %s\n", s.JobName, s.Scheme, s.MetricsPath, s.ScrapeInterval)
	}
}
