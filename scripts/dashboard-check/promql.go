// checkDashboard: parses every query of a Grafana dashboard with Prometheus's own
// PromQL parser (the version the compose file runs) and checks it against the metrics Tollgate
// exports: known metric names, labels that exist on them, rate() and increase() on counters only,
// histogram_quantile() over buckets grouped by le, and every metric shown somewhere.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/prometheus/prometheus/model/labels"
	"github.com/prometheus/prometheus/promql/parser"
)

// The metric families, as Micrometer names them for Prometheus, with their labels (the
// contract of docs/observability.md, "Metrics"). Timers expand to _bucket, _count, _sum, _max.
var families = map[string]struct {
	kind   string // counter, gauge or timer
	labels []string
}{
	"tollgate_pipeline_runs_total":        {"counter", []string{"model", "outcome", "trigger"}},
	"tollgate_stage_duration_seconds":     {"timer", []string{"model", "stage"}},
	"tollgate_approval_wait_seconds":      {"timer", []string{"model", "decision"}},
	"tollgate_drift_share":                {"gauge", []string{"model"}},
	"tollgate_rollbacks_total":            {"counter", []string{"model", "reason"}},
	"tollgate_notifications_failed_total": {"counter", []string{"model", "event"}},
	"tollgate_serving_requests_total":     {"counter", []string{"model", "version", "status"}},
	"tollgate_serving_latency_seconds":    {"timer", []string{"model"}},
}

// Labels Prometheus adds to every scraped series.
var targetLabels = []string{"job", "instance"}

type series struct {
	family  string
	counter bool // rate() and increase() make sense on it
	labels  map[string]bool
}

func known() map[string]series {
	all := map[string]series{}
	for name, f := range families {
		base := map[string]bool{labels.MetricName: true}
		for _, l := range append(f.labels, targetLabels...) {
			base[l] = true
		}
		if f.kind != "timer" {
			all[name] = series{name, f.kind == "counter", base}
			continue
		}
		for _, suffix := range []string{"_count", "_sum", "_max", "_bucket"} {
			ls := map[string]bool{}
			for l := range base {
				ls[l] = true
			}
			if suffix == "_bucket" {
				ls["le"] = true
			}
			all[name+suffix] = series{name, suffix != "_max", ls}
		}
	}
	return all
}

type panel struct {
	ID      int    `json:"id"`
	Title   string `json:"title"`
	Panels  []panel
	Targets []struct {
		Expr string `json:"expr"`
	} `json:"targets"`
}

type dashboard struct {
	Panels     []panel `json:"panels"`
	Templating struct {
		List []struct {
			Name  string          `json:"name"`
			Type  string          `json:"type"`
			Query json.RawMessage `json:"query"`
		} `json:"list"`
	} `json:"templating"`
}

// Grafana's variables, replaced before parsing as Grafana would (an interval, a model regex).
var variables = strings.NewReplacer("$__rate_interval", "5m", "$__interval", "1m", "$__range", "24h",
	"${model}", "energy-load", "$model", "energy-load")

var labelValues = regexp.MustCompile(`^label_values\((.+),\s*([a-zA-Z_][a-zA-Z0-9_]*)\)$`)

// The parser as Prometheus itself configures it by default (no experimental functions).
var promql = parser.NewParser(parser.Options{})

var problems []string

func problem(where, format string, args ...any) {
	problems = append(problems, where+": "+fmt.Sprintf(format, args...))
}

func checkDashboard(path string) {
	raw, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var d dashboard
	if err := json.Unmarshal(raw, &d); err != nil {
		fmt.Fprintln(os.Stderr, "not a dashboard:", err)
		os.Exit(1)
	}
	all := known()
	used := map[string]bool{}
	queries := 0
	var walk func([]panel)
	walk = func(ps []panel) {
		for _, p := range ps {
			walk(p.Panels)
			for i, t := range p.Targets {
				where := fmt.Sprintf("panel %d %q, query %d", p.ID, p.Title, i+1)
				if strings.TrimSpace(t.Expr) == "" {
					problem(where, "no expr")
					continue
				}
				queries++
				checkQuery(where, t.Expr, all, used)
			}
		}
	}
	walk(d.Panels)
	for _, v := range d.Templating.List {
		if v.Type == "query" {
			checkVariable("variable "+v.Name, v.Query, all)
		}
	}
	var unused []string
	for name := range families {
		if !used[name] {
			unused = append(unused, name)
		}
	}
	sort.Strings(unused)
	for _, name := range unused {
		problem("dashboard", "no panel shows %s", name)
	}
	if len(problems) > 0 {
		fmt.Fprintln(os.Stderr, strings.Join(problems, "\n"))
		os.Exit(1)
	}
	fmt.Printf("%d queries parse with Prometheus's PromQL parser and use only the %d Tollgate metrics, each at least once\n",
		queries, len(families))
}

func checkQuery(where, expr string, all map[string]series, used map[string]bool) {
	text := variables.Replace(expr)
	if strings.Contains(text, "$") {
		problem(where, "a Grafana variable this check does not know: %s", expr)
		return
	}
	node, err := promql.ParseExpr(text)
	if err != nil {
		problem(where, "%v", err)
		return
	}
	parser.Inspect(node, func(n parser.Node, _ []parser.Node) error {
		switch n := n.(type) {
		case *parser.VectorSelector:
			if s, ok := lookup(where, n, all); ok {
				used[s.family] = true
			}
		case *parser.AggregateExpr:
			checkLabels(where, "by ("+strings.Join(n.Grouping, ", ")+")", n.Grouping, n.Expr, all)
		case *parser.BinaryExpr:
			if m := n.VectorMatching; m != nil && len(m.MatchingLabels) > 0 {
				checkLabels(where, "on/ignoring", m.MatchingLabels, n.LHS, all)
				checkLabels(where, "on/ignoring", m.MatchingLabels, n.RHS, all)
			}
		case *parser.Call:
			checkCall(where, n, all)
		}
		return nil
	})
}

// lookup: the series a selector names, after checking its name and label matchers.
func lookup(where string, v *parser.VectorSelector, all map[string]series) (series, bool) {
	name := v.Name
	for _, m := range v.LabelMatchers {
		if m.Name == labels.MetricName && m.Type == labels.MatchEqual {
			name = m.Value
		}
	}
	s, ok := all[name]
	if !ok {
		problem(where, "%s is not a Tollgate metric", v.String())
		return s, false
	}
	for _, m := range v.LabelMatchers {
		if !s.labels[m.Name] {
			problem(where, "%s has no label %q", name, m.Name)
		}
	}
	return s, true
}

// checkLabels: grouping or matching labels must exist on every series below.
func checkLabels(where, what string, names []string, below parser.Node, all map[string]series) {
	for _, v := range selectors(below) {
		s, ok := all[v.Name]
		if !ok {
			continue // reported by lookup
		}
		for _, l := range names {
			if !s.labels[l] {
				problem(where, "%s: %s has no label %q", what, v.Name, l)
			}
		}
	}
}

func checkCall(where string, c *parser.Call, all map[string]series) {
	switch c.Func.Name {
	case "rate", "increase", "irate":
		for _, v := range selectors(c) {
			if s, ok := all[v.Name]; ok && !s.counter {
				problem(where, "%s() of %s, which is not a counter", c.Func.Name, v.Name)
			}
		}
	case "histogram_quantile":
		agg, ok := c.Args[1].(*parser.AggregateExpr)
		if !ok || !contains(agg.Grouping, "le") {
			problem(where, "histogram_quantile() needs its buckets summed by le")
		}
		for _, v := range selectors(c.Args[1]) {
			if !strings.HasSuffix(v.Name, "_bucket") {
				problem(where, "histogram_quantile() over %s, which is not a histogram bucket", v.Name)
			}
		}
	}
}

func checkVariable(where string, query json.RawMessage, all map[string]series) {
	var q struct {
		Query string `json:"query"`
	}
	if err := json.Unmarshal(query, &q); err != nil {
		var s string
		if json.Unmarshal(query, &s) != nil {
			problem(where, "query is neither an object nor a string")
			return
		}
		q.Query = s
	}
	m := labelValues.FindStringSubmatch(strings.TrimSpace(q.Query))
	if m == nil {
		problem(where, "expected label_values(SELECTOR, LABEL), got %q", q.Query)
		return
	}
	matchers, err := promql.ParseMetricSelector(m[1])
	if err != nil {
		problem(where, "%v", err)
		return
	}
	matched := 0
	for name, s := range all {
		lset := labels.FromStrings(labels.MetricName, name)
		ok := true
		for _, mt := range matchers {
			ok = ok && mt.Matches(lset.Get(mt.Name))
		}
		if ok && s.labels[m[2]] {
			matched++
		}
	}
	if matched == 0 {
		problem(where, "no Tollgate metric matches %s with a label %q", m[1], m[2])
	}
}

func selectors(n parser.Node) []*parser.VectorSelector {
	var out []*parser.VectorSelector
	parser.Inspect(n, func(n parser.Node, _ []parser.Node) error {
		if v, ok := n.(*parser.VectorSelector); ok {
			out = append(out, v)
		}
		return nil
	})
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
