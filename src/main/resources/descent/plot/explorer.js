// Descent's explorer: draws the settings Java computed, as the reader moves the sliders.
// Data: the JSON beside this script (see descent.plot.Explorer). No network, no library.
(function start(tries) {
  // A front end may run this script before it attaches the output to the page (Jupyter does):
  // then look again shortly.
  var root = document.getElementById("__ID__");
  if (!root) {
    if (tries < 100) setTimeout(function () { start(tries + 1); }, 50);
    return;
  }
  if (root.getAttribute("data-drawn")) return;
  root.setAttribute("data-drawn", "yes");
  var data = JSON.parse(root.querySelector(".descent-explorer-data").textContent);
  var NS = "http://www.w3.org/2000/svg", M = {left: 62, right: 14, top: 28, bottom: 42};
  var still = root.querySelector(".descent-explorer-still");
  still.style.display = "none";

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function text(parent, x, y, s, attrs) {
    var t = el("text", attrs || {}, parent);
    t.setAttribute("x", x); t.setAttribute("y", y); t.textContent = s;
    return t;
  }
  function label(v) {
    if (v === 0) return "0";
    var a = Math.abs(v);
    if (a >= 1e-2 && a < 1e5) return String(+v.toPrecision(4));
    var e = Math.floor(Math.log10(a) + 1e-9), m = +(v / Math.pow(10, e)).toPrecision(3);
    return (m === 1 ? "" : m + "×") + "1e" + e;
  }
  function linearTicks(lo, hi) {
    var span = hi - lo, step = Math.pow(10, Math.floor(Math.log10(span / 5)));
    [1, 2, 5, 10].some(function (f) { if (span / (step * f) <= 6) { step *= f; return true; } return false; });
    var ticks = [];
    for (var v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
    return ticks;
  }
  function logTicks(lo, hi) {
    var ticks = [], a = Math.ceil(Math.log10(lo) - 1e-9), b = Math.floor(Math.log10(hi) + 1e-9);
    for (var e = a; e <= b; e++) ticks.push({v: Math.pow(10, e), labelled: (b - a) <= 8 || (b - e) % Math.ceil((b - a) / 8) === 0});
    return ticks;
  }

  // An axis of a line panel reaches out to its outermost ticks (whole decades on a log axis), so
  // that every end is labelled; a contour panel keeps its window, whose scales are equal.
  function niceRange(r, log) {
    if (log) return [Math.pow(10, Math.floor(Math.log10(r[0]) + 1e-9)), Math.pow(10, Math.ceil(Math.log10(r[1]) - 1e-9))];
    var t = linearTicks(r[0], r[1]), step = t.length > 1 ? t[1] - t[0] : 0;
    if (!step) return r;
    return [Math.min(r[0], t[0] > r[0] ? t[0] - step : t[0]), Math.max(r[1], t[t.length - 1] < r[1] ? t[t.length - 1] + step : t[t.length - 1])];
  }

  function Panel(spec, box) {
    var w = spec.width, h = spec.height, log = spec.logY;
    if (spec.kind !== "surface") { spec.x = niceRange(spec.x, false); spec.y = niceRange(spec.y, log); }
    var y0 = log ? Math.log10(spec.y[0]) : spec.y[0], y1 = log ? Math.log10(spec.y[1]) : spec.y[1];
    this.spec = spec;
    this.sx = function (x) { return M.left + (x - spec.x[0]) / (spec.x[1] - spec.x[0]) * w; };
    this.sy = function (y) { var v = log ? Math.log10(y) : y; return M.top + h - (v - y0) / (y1 - y0) * h; };
    var svg = el("svg", {width: w + M.left + M.right, height: h + M.top + M.bottom, "class": "panel-" + spec.kind,
      "font-size": "12", "font-family": "sans-serif", style: "margin:0 12px 4px 0"}, box);
    var clipId = root.id + "-clip-" + box.childNodes.length;
    var clip = el("clipPath", {id: clipId}, el("defs", {}, svg));
    el("rect", {x: M.left, y: M.top, width: w, height: h}, clip);
    el("rect", {x: M.left, y: M.top, width: w, height: h, fill: "white", stroke: "#bbb"}, svg);
    if (spec.title !== data.title) text(svg, M.left + w / 2, 18, spec.title, {"text-anchor": "middle", "font-weight": "bold", "font-size": "14"});
    text(svg, M.left + w / 2, h + M.top + 36, spec.xLabel, {"text-anchor": "middle", "font-size": "13"});
    var yl = text(svg, 0, 0, spec.yLabel, {"text-anchor": "middle", "font-size": "13"});
    yl.setAttribute("transform", "translate(14," + (M.top + h / 2) + ") rotate(-90)");
    var self = this;
    linearTicks(spec.x[0], spec.x[1]).forEach(function (v) {
      var x = self.sx(v);
      el("line", {x1: x, x2: x, y1: M.top + h, y2: M.top + h + 4, stroke: "#999"}, svg);
      text(svg, x, M.top + h + 17, label(v), {"text-anchor": "middle"});
    });
    var yt = log ? logTicks(spec.y[0], spec.y[1]) : linearTicks(spec.y[0], spec.y[1]).map(function (v) { return {v: v, labelled: true}; });
    yt.forEach(function (t) {
      var y = self.sy(t.v);
      el("line", {x1: M.left - 4, x2: M.left, y1: y, y2: y, stroke: "#999"}, svg);
      if (t.labelled) text(svg, M.left - 7, y + 4, label(t.v), {"text-anchor": "end"});
    });
    var stills = el("g", {"clip-path": "url(#" + clipId + ")"}, svg);
    spec.stills.forEach(function (s, k) {
      self.line(stills, s.p, spec.kind === "surface" ? "#c8c8c8" : "#555", spec.kind === "surface" ? 1 : 1.5);
      if (s.name) text(svg, M.left + 6, M.top + 14 + 14 * k, "— " + s.name, {"font-size": "11", fill: "#444"});
    });
    this.layer = el("g", {"clip-path": "url(#" + clipId + ")", "class": "series"}, svg);
    this.markers = el("g", {"class": "markers"}, svg);
  }
  Panel.prototype.line = function (parent, p, colour, width) {
    var pts = [];
    for (var i = 0; i + 1 < p.length; i += 2) {
      if (this.spec.logY && p[i + 1] <= 0) continue;
      pts.push(this.sx(p[i]).toFixed(1) + "," + this.sy(p[i + 1]).toFixed(1));
    }
    return el("polyline", {points: pts.join(" "), fill: "none", stroke: colour, "stroke-width": width,
      "stroke-linejoin": "round", "stroke-linecap": "round", "data-points": p.join(",")}, parent);
  };
  Panel.prototype.draw = function (series, values) {
    var self = this;
    while (this.layer.firstChild) this.layer.removeChild(this.layer.firstChild);
    while (this.markers.firstChild) this.markers.removeChild(this.markers.firstChild);
    (series || []).forEach(function (s) {
      var line = self.line(self.layer, s.p, s.colour, 2.2);
      line.setAttribute("data-name", s.name);
      if (self.spec.kind === "surface" && s.p.length >= 2) {
        el("circle", {cx: self.sx(s.p[0]), cy: self.sy(s.p[1]), r: 4, fill: s.colour}, self.layer);
        var n = s.p.length;
        el("rect", {x: self.sx(s.p[n - 2]) - 4, y: self.sy(s.p[n - 1]) - 4, width: 8, height: 8, fill: s.colour}, self.layer);
      }
    });
    if (this.spec.kind === "plane") {
      el("circle", {cx: this.sx(values[this.spec.px]), cy: this.sy(values[this.spec.py]), r: 6,
        fill: "#d62728", stroke: "white", "stroke-width": 2, "class": "here"}, this.markers);
    }
  };

  var title = document.createElement("div");
  title.style.cssText = "font-weight:bold;font-size:15px;margin:4px 0";
  title.textContent = data.title;
  root.appendChild(title);
  var controls = document.createElement("div");
  root.appendChild(controls);
  var box = document.createElement("div");
  box.style.cssText = "display:flex;flex-wrap:wrap;align-items:flex-start";
  root.appendChild(box);
  var legend = document.createElement("div");
  legend.style.cssText = "font-size:13px;margin:2px 0 2px 62px";
  root.appendChild(legend);
  var note = document.createElement("div");
  note.className = "note";
  note.style.cssText = "font-size:13px;margin:2px 0 6px 62px;color:#444";
  root.appendChild(note);
  var panels = data.panels.map(function (spec) { return new Panel(spec, box); });

  var inputs = data.sliders.map(function (s, k) {
    var row = document.createElement("label");
    row.style.cssText = "display:inline-flex;align-items:center;margin:2px 18px 2px 0;font-size:14px";
    var name = document.createElement("span");
    name.style.cssText = "min-width:110px;display:inline-block";
    var input = document.createElement("input");
    input.type = "range"; input.min = 0; input.max = s.values.length - 1; input.step = 1; input.value = s.start;
    input.setAttribute("aria-label", s.name);
    input.setAttribute("data-slider", s.name);
    input.style.margin = "0 8px";
    row.appendChild(name); row.appendChild(input); controls.appendChild(row);
    input.addEventListener("input", redraw);
    return {input: input, name: name, spec: s};
  });

  function redraw() {
    var index = 0, values = [];
    inputs.forEach(function (s) {
      var i = +s.input.value;
      index = index * s.spec.values.length + i;
      values.push(s.spec.values[i]);
      s.name.textContent = s.spec.name + " = " + s.spec.labels[i];
    });
    var frame = data.frames[index];
    panels.forEach(function (p, k) { p.draw(frame[k], values); });
    legend.innerHTML = "";
    (frame[0] || []).forEach(function (s) {
      var item = document.createElement("span");
      item.style.cssText = "margin-right:16px;white-space:nowrap";
      var swatch = document.createElement("span");
      swatch.style.cssText = "display:inline-block;width:18px;height:3px;vertical-align:middle;margin-right:5px;background:" + s.colour;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(s.name));
      legend.appendChild(item);
    });
    note.textContent = data.notes[index];
    root.setAttribute("data-frame", index);
  }
  redraw();
})(0);
