// Draws every <canvas data-config> of the dashboard with Chart.js (served by Guichet, no CDN).
// The configuration is JSON written by the server (ChartSpec.cs): no inline script is needed.
(function () {
  'use strict';
  function draw() {
    document.querySelectorAll('canvas[data-config]').forEach(function (canvas) {
      try {
        var config = JSON.parse(canvas.getAttribute('data-config'));
        config.options = config.options || {};
        config.options.animation = false;
        config.options.maintainAspectRatio = false;
        new window.Chart(canvas, config);
        canvas.setAttribute('data-rendered', 'true');
      } catch (e) {
        canvas.setAttribute('data-rendered', 'failed');
        console.error('chart ' + canvas.id + ': ' + e);
      }
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
