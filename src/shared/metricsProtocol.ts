// Messages between the extension and the metrics webview (see protocol.ts for the rules).

/** The webview panel type of the metrics panel (also the serializer's key). */
export const METRICS_VIEW_TYPE = 'hcloud.metrics';
