// Stands in for @apollo/usage-reporting-protobuf in the Lambda bundle. Only Apollo's
// usage reporting and inline tracing use it, and src/handler.ts disables both, so
// this is never loaded; if it were, it fails loudly instead of reporting wrongly.
const disabled = new Proxy(
  {},
  {
    get(_target, name) {
      throw new Error(`Apollo usage reporting is not part of this bundle (touched ${String(name)})`);
    },
  },
);
export const Trace = disabled;
export const Report = disabled;
export const ReportHeader = disabled;
export const google = disabled;
export default disabled;
