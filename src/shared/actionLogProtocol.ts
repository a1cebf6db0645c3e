// Messages between the extension and the action log webview (see protocol.ts for the rules).

/** The webview panel type of the action log (also the serializer's key). */
export const ACTION_LOG_VIEW_TYPE = 'hcloud.actionLog';
