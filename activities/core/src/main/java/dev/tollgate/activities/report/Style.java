package dev.tollgate.activities.report;

/** The report's one stylesheet, inlined so the page needs nothing else. */
final class Style {
  private Style() {}

  static final String CSS =
      """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;margin:24px 32px;max-width:1260px}
      h1{font-size:22px;margin:0 12px 0 0;display:inline-block}
      h2{font-size:17px;margin:28px 0 10px;border-bottom:1px solid #ddd;padding-bottom:4px}
      .badge{font-weight:600;padding:3px 10px;border-radius:4px;vertical-align:middle}
      .badge.pass{background:#e3f4e6;color:#1e7b34}.badge.fail{background:#fde4e4;color:#b3261e}
      .meta{color:#555;margin:6px 0}
      table{border-collapse:collapse}
      table.checks{width:100%}
      .checks th,.checks td{border-bottom:1px solid #e5e5e5;padding:5px 8px;text-align:left;vertical-align:top}
      .checks td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      .checks td.mark{font-weight:700;width:18px}
      .checks td.th{white-space:nowrap}
      tr.pass td.mark{color:#1e7b34}tr.fail td.mark{color:#b3261e}tr.skipped td{color:#777}
      tr.fail{background:#fff5f5}
      .cm th,.cm td{border:1px solid #ccc;padding:6px 12px;text-align:right}
      .cm-note{color:#555;margin:0 0 6px}
      .row{display:flex;gap:16px;flex-wrap:wrap}
      .grid{display:flex;flex-wrap:wrap;gap:12px}
      .chart svg{background:#fff;border:1px solid #eee}
      .ct{font-size:13px;font-weight:600;fill:#222}
      .tk{font-size:11px;fill:#555}.al{font-size:12px;fill:#333}
      line.grid{stroke:#eee}line.axis{stroke:#888}line.ref{stroke:#888;stroke-dasharray:4 3}
      .sw{display:inline-block;width:10px;height:10px;margin:0 4px 0 2px}
      .sw.ref{background:#4c78a8}.sw.cur{background:#f58518}
      """;
}
