/**
 * The report page's own script, inlined after Chart.js. It reads the report's data from the
 * `claimwatch-data` JSON element and draws one chart per section. Every string from the data
 * reaches the page through `textContent` or Chart.js's canvas text, never through HTML parsing,
 * and links are made only for http(s) URLs, so hostile titles or evidence stay plain text.
 *
 * It is plain ES2020 in a string (no build step, and no bundler helpers that would be missing
 * in the browser); the browser test in `test/integration/report.test.ts` exercises it.
 */
export const CLIENT_SCRIPT = `(() => {
  'use strict';
  const root = document.documentElement;
  const data = JSON.parse(document.getElementById('claimwatch-data').textContent);
  const DAY = 86400000;
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  const num = (n) => Number(n).toLocaleString('en-US');
  const valueText = (p) => (p.valueHigh ? num(p.value) + '\\u2013' + num(p.valueHigh) : num(p.value));
  const phrase = (p) => {
    if (p.qualifier === 'range' || p.valueHigh) return valueText(p);
    if (p.qualifier === 'exact') return valueText(p);
    return String(p.qualifier).replace(/_/g, ' ') + ' ' + valueText(p);
  };
  const isHttp = (url) => typeof url === 'string' && /^https?:\\/\\//i.test(url);
  /** When a point is: its day, or its whole period ("2024-10", "2024-12-14 to 2024-12-15"). */
  const when = (p) => (p.period ? String(p.period).replace('/', ' to ') + ' (period)' : p.date);

  const SHAPES = {
    exact: ['circle', 0],
    range: ['circle', 0],
    about: ['rectRot', 0],
    at_least: ['triangle', 0],
    more_than: ['triangle', 0],
    up_to: ['triangle', 180],
    less_than: ['triangle', 180],
  };
  const shapeOf = (ctx) => SHAPES[ctx.raw && ctx.raw.qualifier] || SHAPES.exact;

  const wrap = (text, width) => {
    const lines = [];
    let line = '';
    for (const word of String(text).split(/\\s+/)) {
      if (line && line.length + word.length + 1 > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + ' ' + word : word;
      }
    }
    if (line) lines.push(line);
    return lines;
  };

  const dayLabel = (t) => {
    const d = new Date(t);
    return d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()] + ' ' + d.getUTCFullYear();
  };
  const monthLabel = (t) => {
    const d = new Date(t);
    return MONTHS[d.getUTCMonth()] + ' ' + d.getUTCFullYear();
  };
  /** Ticks on whole UTC days, or on month starts for spans over two months. */
  const timeTicks = (min, max) => {
    const span = max - min;
    const ticks = [];
    if (span <= 62 * DAY) {
      const step = Math.max(1, Math.ceil(span / DAY / 8)) * DAY;
      for (let t = Math.ceil(min / DAY) * DAY; t <= max; t += step) ticks.push({ value: t });
      return ticks;
    }
    const start = new Date(min);
    const step = Math.max(1, Math.ceil(span / (30.44 * DAY) / 8));
    let month = start.getUTCMonth() + (min > Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1) ? 1 : 0);
    for (;;) {
      const t = Date.UTC(start.getUTCFullYear(), month, 1);
      if (t > max) break;
      ticks.push({ value: t });
      month += step;
    }
    return ticks;
  };

  /**
   * A figure covering a month or longer is a band from its period's start to its end, drawn
   * under the points (its point sits in the middle), so it never reads as the period's 1st.
   */
  const spans = {
    id: 'claimwatchSpans',
    beforeDatasetsDraw(chart) {
      const ctx = chart.ctx;
      const x = chart.scales.x;
      chart.data.datasets.forEach((ds, i) => {
        if (!chart.isDatasetVisible(i)) return;
        chart.getDatasetMeta(i).data.forEach((el, j) => {
          const p = ds.data[j];
          if (!p || p.xEnd === undefined || p.xEnd === null) return;
          const left = x.getPixelForValue(p.x);
          const right = x.getPixelForValue(p.xEnd);
          const y = el.y + 3 * (p.stack || 0);
          ctx.save();
          ctx.strokeStyle = ds.borderColor;
          ctx.globalAlpha = 0.45;
          ctx.lineWidth = 6;
          ctx.beginPath();
          ctx.moveTo(left, y);
          ctx.lineTo(right, y);
          ctx.stroke();
          ctx.globalAlpha = 1;
          ctx.lineWidth = 2;
          ctx.beginPath();
          ctx.moveTo(left, y - 6);
          ctx.lineTo(left, y + 6);
          ctx.moveTo(right, y - 6);
          ctx.lineTo(right, y + 6);
          ctx.stroke();
          ctx.restore();
        });
      });
    },
  };

  /** A range is drawn as its low value with a bar up to its high value. */
  const rangeBars = {
    id: 'claimwatchRanges',
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      const y = chart.scales.y;
      chart.data.datasets.forEach((ds, i) => {
        if (!chart.isDatasetVisible(i)) return;
        chart.getDatasetMeta(i).data.forEach((el, j) => {
          const p = ds.data[j];
          if (!p || p.yHigh === undefined || p.yHigh === null) return;
          const top = y.getPixelForValue(p.yHigh);
          ctx.save();
          ctx.strokeStyle = ds.borderColor;
          ctx.lineWidth = 2;
          ctx.beginPath();
          ctx.moveTo(el.x, el.y);
          ctx.lineTo(el.x, top);
          ctx.moveTo(el.x - 6, top);
          ctx.lineTo(el.x + 6, top);
          ctx.stroke();
          ctx.restore();
        });
      });
    },
  };

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const sourceItem = (s) => {
    const li = el('li');
    if (isHttp(s.url)) {
      const a = el('a', null, s.title || s.url);
      a.href = s.url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      li.append(a);
    } else {
      li.append(el('span', 'unlinked', (s.title || '') + ' (' + s.rawUrl + ')'));
    }
    const meta = [];
    if (s.published) meta.push('published ' + s.published);
    if (s.claimant) meta.push('claimant: ' + s.claimant);
    if (meta.length) li.append(el('span', 'meta', ' \\u00b7 ' + meta.join(' \\u00b7 ')));
    if (s.evidence) li.append(el('blockquote', null, s.evidence));
    return li;
  };

  const showDetails = (panel, points) => {
    panel.replaceChildren();
    const close = el('button', 'close', '\\u00d7');
    close.type = 'button';
    close.setAttribute('aria-label', 'close');
    close.addEventListener('click', () => {
      panel.hidden = true;
      panel.replaceChildren();
    });
    panel.append(close);
    for (const row of document.querySelectorAll('tr.selected')) row.classList.remove('selected');
    for (const p of points) {
      const box = el('div', 'point');
      box.dataset.figureId = p.figureId;
      box.dataset.claimant = p.claimant;
      const h = el('h3', null, p.claimant + ': ' + phrase(p) + ' \\u00b7 ' + when(p));
      const swatch = el('span', 'swatch');
      swatch.style.background = p.color;
      h.prepend(swatch);
      box.append(h);
      const list = el('ul', 'sources');
      for (const s of p.sources) list.append(sourceItem(s));
      box.append(list);
      const row = document.getElementById(p.rowId);
      if (row) {
        row.classList.add('selected');
        const link = el('a', 'row-link', 'the figure in the table');
        link.href = '#' + p.rowId;
        box.append(link);
      }
      panel.append(box);
    }
    panel.hidden = false;
  };

  if (typeof window.Chart === 'function') {
    window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    window.Chart.defaults.color = '#3a4253';
  }
  const charts = [];
  // One date axis for all charts; points several claimants share sit side by side, this far apart.
  const axis = data.axis || { xMin: 0, xMax: 0 };
  const nudge = (axis.xMax - axis.xMin) * 0.012;
  const drawX = (p) =>
    (p.xEnd !== undefined && p.xEnd !== null ? (p.x + p.xEnd) / 2 : p.x) +
    nudge * ((p.stack || 0) - ((p.stackSize || 1) - 1) / 2);
  for (const c of data.charts) {
    const canvas = document.getElementById(c.id + '-canvas');
    const panel = document.getElementById(c.id + '-details');
    if (!canvas || typeof window.Chart !== 'function') continue;
    const datasets = c.series.map((s) => ({
      label: s.claimant,
      data: s.points.map((p) => Object.assign({ color: s.color, xDraw: drawX(p) }, p)),
      // \`x\` stays the date the figure covers; it is drawn at \`xDraw\` (a period's middle,
      // nudged aside when other claimants give the same number for the same date).
      parsing: { xAxisKey: 'xDraw', yAxisKey: 'y' },
      borderColor: s.color,
      backgroundColor: s.color,
      borderDash: s.dashed ? [6, 4] : undefined,
      showLine: s.points.length > 1,
      borderWidth: 1.5,
      pointRadius: 6,
      pointHoverRadius: 8,
      pointHitRadius: 4,
      pointBorderColor: '#ffffff',
      pointBorderWidth: 1,
      // A line follows one claimant's estimates over time; two figures on one date are not
      // joined (a vertical line would read as a range).
      segment: {
        borderColor: (ctx) => (ctx.p0.parsed.x === ctx.p1.parsed.x ? 'rgba(0,0,0,0)' : undefined),
      },
      pointStyle: (ctx) => shapeOf(ctx)[0],
      pointRotation: (ctx) => shapeOf(ctx)[1],
    }));
    const chart = new window.Chart(canvas, {
      type: 'scatter',
      data: { datasets },
      plugins: [spans, rangeBars],
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'point', intersect: true },
        scales: {
          x: {
            type: 'linear',
            min: c.xMin,
            max: c.xMax,
            afterBuildTicks: (scale) => {
              scale.ticks = timeTicks(scale.min, scale.max);
            },
            ticks: {
              callback: (v) => (c.xMax - c.xMin > 62 * DAY ? monthLabel(v) : dayLabel(v)),
              maxRotation: 0,
              autoSkip: true,
            },
            title: { display: true, text: 'date the figure covers (one axis for every chart)' },
          },
          y: {
            beginAtZero: true,
            suggestedMax: c.yMax * 1.12 || 1,
            ticks: { precision: 0, callback: (v) => num(v) },
            title: { display: true, text: c.unit.replace(/_/g, ' ') },
            // A fixed width, so the plot areas, and with them the dates, line up across charts.
            afterFit: (scale) => {
              scale.width = 84;
            },
          },
        },
        plugins: {
          legend: { position: 'top', labels: { boxWidth: 14 } },
          tooltip: {
            callbacks: {
              title: (items) => (items.length ? when(items[0].raw) : ''),
              label: (ctx) => ctx.raw.claimant + ': ' + phrase(ctx.raw),
              afterLabel: (ctx) => {
                const p = ctx.raw;
                const n = p.sources.length;
                const lines = [n + (n === 1 ? ' source' : ' sources')];
                if (p.sameSpot && p.sameSpot.length) {
                  lines.push(...wrap('also given by: ' + p.sameSpot.join(', '), 70));
                }
                if (p.evidence) {
                  const cut = ctx.chart.tooltip.dataPoints.length > 1 ? 2 : 4;
                  const quoted = wrap('\\u201c' + p.evidence + '\\u201d', 70);
                  lines.push(...quoted.slice(0, cut));
                  if (quoted.length > cut) lines[lines.length - 1] += ' \\u2026';
                }
                return lines;
              },
              footer: () => 'click the point for its sources',
            },
          },
        },
        onHover: (event, elements) => {
          canvas.style.cursor = elements.length ? 'pointer' : 'default';
        },
        onClick: (event, elements, ch) => {
          if (!elements.length || !panel) return;
          // Every claimant at the clicked spot, not only the marker under the pointer.
          const hit = elements.map((e) => ch.data.datasets[e.datasetIndex].data[e.index]);
          const spots = new Set(hit.map((p) => p.spot));
          const points = [];
          ch.data.datasets.forEach((ds) => {
            for (const p of ds.data) if (spots.has(p.spot)) points.push(p);
          });
          showDetails(panel, points);
        },
      },
    });
    charts.push(chart);
  }
  if (typeof window.Chart !== 'function') {
    for (const box of document.querySelectorAll('.chart-box')) {
      box.replaceChildren(el('p', 'no-chart', 'The chart could not be drawn; the table below lists every figure.'));
    }
  }
  root.dataset.charts = String(charts.length);
  root.dataset.ready = 'true';
})();
`;
