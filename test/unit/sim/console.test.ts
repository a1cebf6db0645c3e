// The simulator's own console (src/sim/console/): request_console's ws:// URL on the simulator, an RFB 3.8
// server with VNC authentication behind it, one connection per URL within its lifetime. The client here is
// `ws` plus the few RFB steps a viewer takes, written out so that each byte the server must send is checked.

import * as assert from 'node:assert/strict';
import WebSocket from 'ws';
import { webSocketEndpointProblem } from '../../../src/api/endpointRule';
import { RfbSession } from '../../../src/sim/console/rfb';
import { vncKey, vncResponse } from '../../../src/sim/console/vncAuth';
import { FakeClock, withSim, type Api } from './helpers';

const LIFETIME_MS = 5000;
const ACTION_MS = 1;

/** Bytes from the socket, read in the sizes the protocol gives. */
class Reader {
  private buffer = Buffer.alloc(0);
  private wake?: () => void;
  closed = false;
  closeReason = '';

  constructor(ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, data]);
      this.wake?.();
    });
    ws.on('close', (_code, reason) => {
      this.closed = true;
      this.closeReason = reason.toString();
      this.wake?.();
    });
  }

  async read(n: number): Promise<Buffer> {
    while (this.buffer.length < n) {
      if (this.closed) throw new Error(`closed with ${this.buffer.length} of ${n} bytes`);
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    const out = this.buffer.subarray(0, n);
    this.buffer = this.buffer.subarray(n);
    return out;
  }

  get pending(): number {
    return this.buffer.length;
  }
}

interface Console {
  url: string;
  password: string;
}

/** request_console on the first server, then lets its action finish (it locks the server while it runs). */
async function requestConsole(api: Api, clock: FakeClock): Promise<Console & { serverName: string }> {
  const server = (await api.get('/servers')).body.servers[0];
  const res = await api.post(`/servers/${server.id}/actions/request_console`);
  assert.equal(res.status, 201, res.text);
  clock.advance(ACTION_MS);
  return { url: res.body.wss_url, password: res.body.password, serverName: server.name };
}

function connect(url: string): Promise<{ ws: WebSocket; reader: Reader }> {
  const ws = new WebSocket(url, 'binary');
  const reader = new Reader(ws);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, reader }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** Version and security: returns the SecurityResult word (0 = OK). */
async function authenticate(ws: WebSocket, reader: Reader, password: string): Promise<number> {
  assert.equal((await reader.read(12)).toString('latin1'), 'RFB 003.008\n');
  ws.send(Buffer.from('RFB 003.008\n', 'latin1'));
  assert.deepEqual([...(await reader.read(2))], [1, 2], 'one security type: VNC Authentication');
  ws.send(Buffer.from([2]));
  const challenge = await reader.read(16);
  ws.send(vncResponse(password, challenge));
  return (await reader.read(4)).readUInt32BE(0);
}

async function serverInit(ws: WebSocket, reader: Reader): Promise<{ width: number; height: number; bpp: number; name: string }> {
  ws.send(Buffer.from([1]));
  const head = await reader.read(24);
  const name = (await reader.read(head.readUInt32BE(20))).toString('utf8');
  return { width: head.readUInt16BE(0), height: head.readUInt16BE(2), bpp: head[4], name };
}

function updateRequest(incremental: boolean, width: number, height: number): Buffer {
  const b = Buffer.alloc(10);
  b[0] = 3;
  b[1] = incremental ? 1 : 0;
  b.writeUInt16BE(width, 6);
  b.writeUInt16BE(height, 8);
  return b;
}

function keyEvent(down: boolean, keysym: number): Buffer {
  const b = Buffer.alloc(8);
  b[0] = 4;
  b[1] = down ? 1 : 0;
  b.writeUInt32BE(keysym, 4);
  return b;
}

/** Reads one FramebufferUpdate into `frame` (width `width`, 4 bytes a pixel); returns its rectangles. */
async function readUpdate(reader: Reader, frame: Buffer, width: number): Promise<Array<{ x: number; y: number; w: number; h: number }>> {
  const head = await reader.read(4);
  assert.equal(head[0], 0, 'FramebufferUpdate');
  const rects = [];
  for (let i = 0; i < head.readUInt16BE(2); i++) {
    const r = await reader.read(12);
    const rect = { x: r.readUInt16BE(0), y: r.readUInt16BE(2), w: r.readUInt16BE(4), h: r.readUInt16BE(6) };
    assert.equal(r.readInt32BE(8), 0, 'Raw encoding');
    const pixels = await reader.read(rect.w * rect.h * 4);
    for (let row = 0; row < rect.h; row++) pixels.copy(frame, ((rect.y + row) * width + rect.x) * 4, row * rect.w * 4, (row + 1) * rect.w * 4);
    rects.push(rect);
  }
  return rects;
}

describe('sim: the console (request_console, RFB over WebSocket)', () => {
  it('VNC authentication answers a known vector', () => {
    // The key is "password" with each byte's bits reversed ('p' 0x70 = 01110000 -> 00001110 = 0x0e, ...).
    assert.equal(vncKey('password').toString('hex'), '0e86ceceeef64e26');
    assert.equal(vncKey('passwordIgnored').toString('hex'), '0e86ceceeef64e26', 'only the first 8 bytes count');
    // Derived once with single DES from OpenSSL's legacy provider, independently of Node's des-ede3 route:
    //   printf 000102030405060708090a0b0c0d0e0f | xxd -r -p |
    //     openssl enc -des-ecb -provider legacy -provider default -K 0e86ceceeef64e26 -nopad | xxd -p
    const challenge = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
    assert.equal(vncResponse('password', challenge).toString('hex'), 'b866924125c8eebb9debc1db61c538e2');
  });

  describe('the RFB session, fed bytes without a socket', () => {
    const challenge = Buffer.alloc(16, 7);
    const start = () => {
      const out: Buffer[] = [];
      const closed: Array<string | undefined> = [];
      const session = new RfbSession({ serverName: 'box', password: 'secret', challenge, send: (b) => out.push(b), close: (r) => closed.push(r) });
      const output = () => Buffer.concat(out.splice(0));
      return { session, output, closed };
    };
    /** Feeds `bytes` one at a time: the session must wait for whole messages. */
    const feed = (session: RfbSession, ...parts: Buffer[]) => [...Buffer.concat(parts)].forEach((byte) => session.receive(Buffer.from([byte])));
    const setPixelFormat = (bpp: number, redShift: number, greenShift: number, blueShift: number) =>
      Buffer.from([0, 0, 0, 0, bpp, 24, 0, 1, 0, 255, 0, 255, 0, 255, redShift, greenShift, blueShift, 0, 0, 0]);
    const ready = () => {
      const s = start();
      feed(s.session, Buffer.from('RFB 003.008\n'), Buffer.from([2]), vncResponse('secret', challenge), Buffer.from([0]));
      const init = s.output();
      assert.equal(init.subarray(12 + 2 + 16, 12 + 2 + 16 + 4).readUInt32BE(0), 0, 'SecurityResult OK');
      assert.equal(init.subarray(-3).toString(), 'box', 'ServerInit ends with the name');
      return s;
    };

    it('takes messages split into single bytes; ignores SetEncodings, PointerEvent and ClientCutText', () => {
      const { session, output, closed } = ready();
      const setEncodings = Buffer.from([2, 0, 0, 2, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x21]);
      const pointer = Buffer.from([5, 1, 0, 10, 0, 20]);
      const cutText = Buffer.concat([Buffer.from([6, 0, 0, 0, 0, 0, 0, 3]), Buffer.from('abc')]);
      feed(session, setEncodings, pointer, cutText);
      assert.equal(output().length, 0);
      feed(session, updateRequest(false, 2, 1));
      const update = output();
      assert.equal(update.length, 16 + 2 * 4, 'one Raw rectangle of 2x1 pixels');
      assert.deepEqual(closed, []);
    });

    it("honours noVNC's SetPixelFormat (red at 0, blue at 16) and refuses 16 bpp with the reason", () => {
      const { session, output, closed } = ready();
      feed(session, setPixelFormat(32, 0, 8, 16), updateRequest(false, 1, 1));
      assert.deepEqual([...output().subarray(16)], [0xd5, 0x0c, 0x2d, 0], 'R, G, B, X: the red title band');
      feed(session, setPixelFormat(16, 11, 5, 0));
      assert.match(closed[0] ?? '', /only 32 bpp true colour/);
    });

    it('refuses another protocol version with the reason (no security types)', () => {
      const { session, output, closed } = start();
      output();
      feed(session, Buffer.from('RFB 003.003\n'));
      const answer = output();
      assert.equal(answer[0], 0, 'zero security types');
      assert.match(answer.subarray(5).toString(), /unsupported protocol version "RFB 003.003"/);
      assert.equal(closed.length, 1);
    });
  });

  for (const mode of ['2026', '2018'] as const) {
    describe(`API ${mode}`, () => {
      const clock = new FakeClock();
      const api = withSim({ api: mode, now: clock.now, consoleLifetimeMs: LIFETIME_MS, actionMs: ACTION_MS });

      it('request_console gives a ws:// URL on the simulator; the screen shows the server and echoes a key', async () => {
        const details = await requestConsole(api, clock);
        assert.match(details.url, new RegExp(`^ws://127\\.0\\.0\\.1:${api.sim.port}/console/[A-Za-z0-9_-]+$`));
        assert.equal(webSocketEndpointProblem(details.url), undefined, 'the extension\'s rule lets ws: to loopback through');
        clock.advance(LIFETIME_MS - ACTION_MS); // the last valid moment
        const { ws, reader } = await connect(details.url);
        assert.equal(ws.protocol, 'binary');
        assert.equal(await authenticate(ws, reader, details.password), 0, 'SecurityResult OK');
        const init = await serverInit(ws, reader);
        assert.deepEqual(init, { width: 640, height: 400, bpp: 32, name: details.serverName });

        const frame = Buffer.alloc(init.width * init.height * 4);
        ws.send(updateRequest(false, init.width, init.height));
        assert.deepEqual(await readUpdate(reader, frame, init.width), [{ x: 0, y: 0, w: 640, h: 400 }]);
        assert.equal(frame.readUInt32LE(0), 0xd50c2d, 'the title band, red, in the default pixel format');
        const before = Buffer.from(frame);

        ws.send(updateRequest(true, init.width, init.height));
        await new Promise((resolve) => setTimeout(resolve, 50));
        assert.equal(reader.pending, 0, 'nothing changed, so the incremental request waits');
        ws.send(Buffer.concat([keyEvent(true, 0x61), keyEvent(false, 0x61)]));
        const [rect] = await readUpdate(reader, frame, init.width);
        assert.ok(rect.h > 0 && rect.h < init.height, `only the changed rows: ${JSON.stringify(rect)}`);
        assert.notDeepEqual(frame, before, "the 'a' appears on the prompt line");
        ws.close();
      });

      it('a wrong password is refused with the reason, then the connection closes', async () => {
        const details = await requestConsole(api, clock);
        const { ws, reader } = await connect(details.url);
        assert.equal(await authenticate(ws, reader, `x${details.password}`), 1, 'SecurityResult failed');
        const reason = (await reader.read((await reader.read(4)).readUInt32BE(0))).toString('utf8');
        assert.match(reason, /wrong password/);
        await new Promise((resolve) => (reader.closed ? resolve(undefined) : ws.once('close', resolve)));
        assert.match(reader.closeReason, /wrong password/, 'the WebSocket close carries the reason too');
      });

      it('refuses a second connection (410), a late one (410) and an unknown token (401)', async () => {
        const once = await requestConsole(api, clock);
        const first = await connect(once.url);
        await assert.rejects(connect(once.url), /HTTP 410/);
        first.ws.close();

        const late = await requestConsole(api, clock);
        clock.advance(LIFETIME_MS + 1);
        await assert.rejects(connect(late.url), /HTTP 410/);

        await assert.rejects(connect(late.url.replace(/[^/]+$/, 'never-issued')), /HTTP 401/);
      });
    });
  }
});
