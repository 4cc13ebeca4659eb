// The portal's own ECharts build (ADR 0018): only what the pages draw, bundled at build time from npm by esbuild
// (EcoMonitor.Web.csproj, target BundleFrontEnd) into wwwroot/lib/echarts/echarts.portal.min.js, which sets the
// global `echarts` the page scripts use. A page that needs another chart type or component adds it here.
//   index.html  map.js       geo component + scatter series (large mode, one per AQI level), tooltip
//   station.html station.js  line and bar series on a grid, axis tooltip
//   rankings.html rankings.js bar series on a grid, axis tooltip
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  ScatterChart, LineChart, BarChart,
  GeoComponent, GridComponent, TooltipComponent,
  CanvasRenderer
]);

window.echarts = echarts;
