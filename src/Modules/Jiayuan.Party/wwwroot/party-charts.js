// Charts of the Party statistics page: ECharts (served at /lib/echarts) draws every element with a data-chart attribute.
// The attribute holds a small JSON spec written by the page (labels already localized on the server):
//   { type: "hbar" | "pie" | "years", percent: bool, labels: [...], series: [{ name, kind: "bar" | "line", values: [...] }] }
// Each chart has a text alternative in the page (aria-label and a data table), so nothing is lost without scripts.
(function () {
  var palette = ['#c0392b', '#e67e22', '#d4a017', '#2980b9', '#16a085', '#7f8c8d'];

  function option(spec) {
    var small = window.innerWidth < 600;
    var o = { color: palette, animation: false, textStyle: { fontSize: small ? 12 : 13 }, tooltip: { trigger: spec.type === 'pie' ? 'item' : 'axis', confine: true } };
    if (spec.type === 'pie') {
      o.legend = { bottom: 0, type: 'scroll' };
      o.series = [{
        type: 'pie', radius: small ? ['30%', '58%'] : ['35%', '65%'], center: ['50%', '45%'],
        // On a phone the legend names the slices and the labels keep to the figures, so nothing is cut at the edge.
        label: { formatter: small ? '{c}\n{d}%' : '{b}\n{c}（{d}%）' },
        data: spec.labels.map(function (l, i) { return { name: l, value: spec.series[0].values[i] }; })
      }];
      return o;
    }
    if (spec.type === 'hbar') {
      o.grid = { left: 8, right: 48, top: 8, bottom: 8, containLabel: true };
      o.xAxis = { type: 'value', minInterval: 1 };
      o.yAxis = { type: 'category', data: spec.labels, inverse: true };
      o.series = spec.series.map(function (s) { return { type: 'bar', name: s.name, data: s.values, label: { show: true, position: 'right' } }; });
      return o;
    }
    o.legend = { top: 0 };
    o.grid = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true };
    o.xAxis = { type: 'category', data: spec.labels };
    o.yAxis = spec.percent
      ? { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }
      : { type: 'value', minInterval: 1 };
    o.series = spec.series.map(function (s) { return { type: s.kind || 'bar', name: s.name, data: s.values, showSymbol: spec.labels.length < 20 }; });
    return o;
  }

  function init() {
    if (!window.echarts) return;
    var charts = [];
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      if (el.dataset.ready) return;
      el.dataset.ready = '1';
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(option(JSON.parse(el.dataset.chart)));
      charts.push(chart);
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
