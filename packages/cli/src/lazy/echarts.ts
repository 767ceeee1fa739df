// Loaded on demand by the executable (see tsup.config.ts): Apache ECharts, for the charts of `review`'s page.
export * from "echarts";
