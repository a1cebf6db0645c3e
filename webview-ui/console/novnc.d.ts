// The part of noVNC's RFB (@novnc/novnc 1.7, core/rfb.js, plain JavaScript) the console page uses.
declare module '@novnc/novnc' {
  export interface RfbChannel {
    binaryType: string;
    protocol: string;
    readyState: string;
    onopen: ((event: Event) => void) | null;
    onmessage: ((event: { data: ArrayBuffer }) => void) | null;
    onerror: ((event: Event) => void) | null;
    onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null;
    send(data: Uint8Array): void;
    close(): void;
  }

  export default class RFB extends EventTarget {
    constructor(target: HTMLElement, urlOrChannel: string | RfbChannel, options?: { credentials?: { password?: string }; shared?: boolean });
    scaleViewport: boolean;
    focusOnClick: boolean;
    background: string;
    disconnect(): void;
    sendCtrlAltDel(): void;
    sendKey(keysym: number, code: string | null, down?: boolean): void;
    focus(options?: FocusOptions): void;
  }
}
