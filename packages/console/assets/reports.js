// Draws the reports page's charts with Chart.js (served by the console itself) from the JSON the page carries.
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var palette = ['#0b5cad', '#c0392b', '#1e6b34', '#8e44ad', '#d35400', '#16a085', '#7f8c8d', '#b7950b', '#2c3e50', '#e84393'];
  function datasets(rows, keys, labels) {
    return keys.map(function (key, i) {
      return {
        label: labels[key] || key,
        data: rows.map(function (row) {
          return row.counts[key] || 0;
        }),
        backgroundColor: palette[i % palette.length],
      };
    });
  }
  function stacked(id, labels, sets) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: sets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        responsive: true,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    canvas.setAttribute('data-drawn', 'true');
  }
  stacked(
    'chart-day',
    data.byDay.map(function (r) {
      return r.day;
    }),
    datasets(data.byDay, data.channels, {}),
  );
  stacked(
    'chart-week',
    data.byWeek.map(function (r) {
      return r.week;
    }),
    datasets(data.byWeek, data.services, data.serviceNames),
  );
})();
