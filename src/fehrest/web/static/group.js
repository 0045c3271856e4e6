// The group page: a per-jurisdiction timeline and a world map, drawn by Vega-Lite
// from the JSON the server embedded in the page. No request leaves this site.
(function () {
  "use strict";
  const read = (id) => JSON.parse(document.getElementById(id).textContent);
  const chart = read("chart-data");
  const map = read("map-data");
  const statuses = ["listed", "not listed", "suspended"];
  const colours = statuses.map((s) => chart.colours[s]);
  const options = { renderer: "svg", actions: false };

  function drawTimeline() {
    const target = document.getElementById("timeline");
    if (!chart.bands.length && !chart.markers.length) {
      target.textContent = "No dated designation facts about this group yet.";
      return Promise.resolve();
    }
    const rows = new Set(chart.bands.map((b) => b.jurisdiction).concat(chart.markers.map((m) => m.jurisdiction)));
    const spec = {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      width: "container",
      height: Math.max(60, rows.size * 26),
      layer: [
        {
          data: { values: chart.bands },
          mark: { type: "bar", cornerRadius: 2, height: { band: 0.7 } },
          encoding: {
            y: { field: "jurisdiction", type: "nominal", title: null, sort: "ascending" },
            x: { field: "start", type: "temporal", title: null, axis: { format: "%Y", tickCount: 10 } },
            x2: { field: "end" },
            color: {
              field: "status", type: "nominal", title: "status",
              scale: { domain: statuses, range: colours }, legend: null,
            },
            tooltip: [
              { field: "jurisdiction" }, { field: "status" },
              { field: "start", title: "from" }, { field: "end", title: "until" },
            ],
          },
        },
        {
          data: { values: chart.markers },
          mark: { type: "point", shape: "diamond", filled: true, size: 90, color: "#222" },
          encoding: {
            y: { field: "jurisdiction", type: "nominal" },
            x: { field: "date", type: "temporal" },
            tooltip: [{ field: "jurisdiction" }, { field: "type" }, { field: "modality" }, { field: "date" }],
          },
        },
        {
          data: { values: [{ day: chart.as_of }] },
          mark: { type: "rule", strokeDash: [4, 3], color: "#555" },
          encoding: { x: { field: "day", type: "temporal" } },
        },
      ],
      config: { view: { stroke: null }, axis: { labelFontSize: 12 } },
    };
    return vegaEmbed(target, spec, options);
  }

  function drawMap() {
    const spec = {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      width: "container",
      height: 380,
      data: {
        url: map.atlas,
        format: { type: "topojson", feature: "countries" },
      },
      transform: [
        {
          lookup: "id",
          from: { data: { values: map.rows }, key: "id", fields: ["status", "jurisdiction"] },
          default: "no data",
        },
      ],
      projection: { type: "equalEarth" },
      mark: { type: "geoshape", stroke: "#ffffff", strokeWidth: 0.4 },
      encoding: {
        color: {
          field: "status", type: "nominal", title: "status",
          scale: { domain: statuses.concat(["unknown", "no data"]), range: colours.concat([chart.colours.unknown, "#e6eaef"]) },
          legend: { orient: "bottom-left", values: statuses },
        },
        tooltip: [{ field: "properties.name", title: "country" }, { field: "status" }],
      },
      config: { view: { stroke: null } },
    };
    return vegaEmbed(document.getElementById("map"), spec, options);
  }

  Promise.all([drawTimeline(), drawMap()])
    .then(() => document.body.setAttribute("data-charts", "ready"))
    .catch((err) => {
      document.body.setAttribute("data-charts", "failed");
      console.error(err);
    });
})();
