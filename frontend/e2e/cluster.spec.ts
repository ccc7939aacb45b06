import { decode } from '@msgpack/msgpack';
import type { Page, WebSocket } from '@playwright/test';
import { TestCluster } from './cluster';
import { expect, instruments, test as base, ticksOf, watch } from './fixtures';

const test = base.extend<{ cluster: TestCluster }>({
  cluster: async ({}, use, testInfo) => {
    const cluster = await TestCluster.start({ nodes: 2, reportDir: testInfo.outputPath('cluster') });
    try {
      await use(cluster);
    } finally {
      await cluster.stop();
    }
  },
  baseURL: async ({ cluster }, use) => use(cluster.url),
});

/** What one of the page's sockets carried, decoded: MessagePack arrays whose first element is the message type. */
interface Socket {
  received: unknown[][];
  sent: unknown[][];
}

const HELLO = 10,
  SNAPSHOT = 12,
  TICKS = 13,
  SUBSCRIBE = 1;

function record(page: Page): Socket[] {
  const sockets: Socket[] = [];
  page.on('websocket', (ws: WebSocket) => {
    if (!new URL(ws.url()).pathname.endsWith('/ws')) return;
    const socket: Socket = { received: [], sent: [] };
    sockets.push(socket);
    ws.on('framereceived', ({ payload }) => socket.received.push(decode(payload as Buffer) as unknown[]));
    ws.on('framesent', ({ payload }) => socket.sent.push(decode(payload as Buffer) as unknown[]));
  });
  return sockets;
}

/** The seqs of one symbol a socket brought: its Snapshot's quote seq, if any, then each tick's. */
function seqsOf(socket: Socket, symbol: string): number[] {
  return socket.received.flatMap(([type, body]) => {
    if (type === SNAPSHOT) return (body as unknown[][]).filter((q) => q[0] === symbol).map((q) => Number(q[1]));
    if (type === TICKS) return (body as unknown[][]).filter((t) => t[0] === symbol).map((t) => Number(t[1]));
    return [];
  });
}

const epochOf = (socket: Socket) => socket.received.find(([type]) => type === HELLO)?.[6];

/** Every change of the badge's data-state from now on, kept in the page (gone if the page reloads). */
async function recordStates(page: Page): Promise<() => Promise<string[] | undefined>> {
  await page.evaluate(() => {
    const badge = document.querySelector('[data-testid="connection-state"]')!;
    const states = [badge.getAttribute('data-state')!];
    new MutationObserver(() => states.push(badge.getAttribute('data-state')!)).observe(badge, { attributes: true, attributeFilter: ['data-state'] });
    (window as unknown as { badgeStates: string[] }).badgeStates = states;
  });
  return () => page.evaluate(() => (window as unknown as { badgeStates?: string[] }).badgeStates?.filter((s, i, all) => s !== all[i - 1]));
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test.describe('npm run cluster', () => {
  test('kill -9 of the node holding the page’s socket: the page reconnects to the other node by itself and resumes the same stream with no gap', async ({
    page,
    cluster,
  }) => {
    const [first] = await instruments(cluster.url);
    const sockets = record(page);
    await watch(page, [first.symbol], 'auto');
    await page.goto('/');
    const badge = page.getByTestId('connection-state');
    const note = page.getByTestId('epoch');
    const chart = page.getByTestId('price-chart');
    await expect(badge).toHaveText('Live · WebSocket (MessagePack)');
    await expect.poll(() => ticksOf(page, first.symbol)).toBeGreaterThan(0);
    await expect(chart).toHaveAttribute('data-epoch-starts', '0');
    const epoch = await note.getAttribute('data-epoch');
    expect(epoch).toBeTruthy();

    // The page's one socket is on one node; kill that one.
    await expect.poll(() => cluster.connections()).toEqual(expect.arrayContaining([1, 0]));
    const connections = await cluster.connections();
    const holder = cluster.nodes[connections.indexOf(1)];
    const survivor = connections.indexOf(0);
    const states = await recordStates(page);
    cluster.kill(holder);

    // Reconnecting, then live again, on the same page: no reload, no click.
    await expect.poll(states, { timeout: 20_000 }).toEqual(['open', 'reconnecting', 'open']);
    await expect(badge).toHaveText('Live · WebSocket (MessagePack)');
    expect(sockets).toHaveLength(2);
    await expect.poll(() => cluster.connections().then((open) => open[survivor])).toBe(1);

    // Same epoch, resumed from the last seq: the page says so, and its chart starts no new epoch.
    await expect(note).toHaveAttribute('data-epoch', epoch!);
    await expect(note).toContainText('resumed 1 from last seq');
    await expect(chart).toHaveAttribute('data-epoch-starts', '0');
    const ticks = await ticksOf(page, first.symbol);
    await expect.poll(() => ticksOf(page, first.symbol)).toBeGreaterThan(ticks);
    await expect(page.getByTestId('gaps')).toHaveText('0');
    await expect(page.getByTestId('conflated')).toHaveText('0');

    // On the wire: the survivor speaks the same epoch and answers the resume with the missed ticks, not a Snapshot, so the
    // seqs of both sockets run on without a hole or a repeat.
    const [before, after] = sockets;
    expect(epochOf(after)).toBe(epochOf(before));
    const resumedFrom = seqsOf(before, first.symbol).at(-1);
    const subscribe = after.sent.find(([type]) => type === SUBSCRIBE)!;
    expect(subscribe[3]).toEqual({ [first.symbol]: resumedFrom });
    expect(after.received.filter(([type]) => type === SNAPSHOT)).toEqual([]);
    const seqs = [...seqsOf(before, first.symbol), ...seqsOf(after, first.symbol)];
    expect(seqs.length).toBeGreaterThan(seqsOf(before, first.symbol).length);
    expect(seqs.filter((seq, i) => i > 0 && seq !== seqs[i - 1] + 1)).toEqual([]);

    // The cluster started the killed node again on its address.
    expect(isRunning(holder.pid)).toBe(false);
    await expect.poll(() => cluster.healthy(holder.url), { timeout: 30_000 }).toBe(true);

    // Ctrl+C stops everything it started.
    expect(await cluster.stop(), cluster.log).toBe(0);
    expect(cluster.anyRunning()).toBe(false);
  });
});
