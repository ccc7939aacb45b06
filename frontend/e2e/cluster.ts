import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort, REPO_ROOT } from './server';

export const LOAD_TOOL_DLL = `${REPO_ROOT}load-tests/StockStream.LoadTests/bin/Release/net10.0/StockStream.LoadTests.dll`;

/** One node behind the balancer, as the cluster command lists it: `node-1: http://127.0.0.1:41234/ (pid 4321)`. */
export interface ClusterNode {
  name: string;
  url: string;
  pid: number;
}

const NODE_LINE = /^(node-\d+): (http:\/\/\S+?)\/? \(pid (\d+)\)$/gm;

/**
 * `npm run cluster` on a free port: Redis, the nodes and HAProxy, started by the load tool's `cluster` command in a
 * process group of their own, so that stopping it (Ctrl+C, or SIGKILL as a last resort) reaches every process it started.
 */
export class TestCluster {
  private output = '';
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly port: number,
    private readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    // However the test run ends, nothing it started may outlive it.
    process.once('exit', () => this.killGroup());
  }

  /** What the command printed (its last 20,000 characters), for failure messages. */
  get log(): string {
    return this.output;
  }

  /** Where the page connects: HAProxy. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The nodes as the command listed them when it was ready (a node it starts again keeps its URL). */
  get nodes(): ClusterNode[] {
    return [...this.output.matchAll(NODE_LINE)].map(([, name, url, pid]) => ({ name, url, pid: Number(pid) }));
  }

  /**
   * Starts the cluster (missing redis-server or haproxy fails it, saying which) and waits until HAProxy answers /healthz
   * and the command has listed every node.
   */
  static async start(options: { nodes: number; reportDir: string }): Promise<TestCluster> {
    if (!existsSync(LOAD_TOOL_DLL)) throw new Error(`Load tool not built: ${LOAD_TOOL_DLL}`);
    const port = await freePort();
    const args = [LOAD_TOOL_DLL, 'cluster', '--nodes', String(options.nodes), '--port', String(port), '--report-dir', options.reportDir];
    const child = spawn('dotnet', args, { cwd: REPO_ROOT, detached: true, env: { ...process.env, DOTNET_NOLOGO: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const cluster = new TestCluster(port, child);
    try {
      await cluster.waitUntilServing(options.nodes);
    } catch (e) {
      await cluster.stop();
      throw e;
    }
    return cluster;
  }

  /** SIGKILL, as a crash looks to the page and to the balancer. */
  kill(node: ClusterNode): void {
    process.kill(node.pid, 'SIGKILL');
  }

  /** Open streaming connections per node (each node's `stockstream_connections`, summed over transports); null when it does not answer. */
  connections(): Promise<(number | null)[]> {
    return Promise.all(
      this.nodes.map((node) =>
        fetch(`${node.url}/metrics`).then(
          async (r) => (r.ok ? sumOf('stockstream_connections', await r.text()) : null),
          () => null,
        ),
      ),
    );
  }

  healthy(url: string): Promise<boolean> {
    return fetch(`${url}/healthz`).then((r) => r.ok, () => false);
  }

  /** Ctrl+C to the whole group, as a terminal sends it; the command's exit code (null when it had to be killed). */
  async stop(timeoutMs = 30_000): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.signalGroup('SIGINT');
    const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), timeoutMs).unref());
    const code = await Promise.race([this.exited, timer]);
    this.killGroup(); // whatever did not stop on Ctrl+C
    return code === 'late' ? null : code;
  }

  /** True while any process of the cluster's group (command, Redis, nodes, HAProxy) is still running. */
  anyRunning(): boolean {
    return this.signalGroup(0);
  }

  private killGroup(): void {
    this.signalGroup('SIGKILL');
  }

  private signalGroup(signal: NodeJS.Signals | 0): boolean {
    try {
      process.kill(-this.child.pid!, signal);
      return true;
    } catch {
      return false; // no process left in the group
    }
  }

  private async waitUntilServing(nodes: number, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`The cluster command exited with ${this.child.exitCode}:\n${this.output}`);
      if ((await this.healthy(this.url)) && this.nodes.length === nodes) return;
      await new Promise((resolve) => setTimeout(resolve, 200)); // polling /healthz until HAProxy answers
    }
    throw new Error(`The cluster did not serve within ${timeoutMs} ms:\n${this.output}`);
  }
}

/** A Prometheus metric's samples summed over their labels. */
function sumOf(metric: string, text: string): number {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${metric}{`) || line.startsWith(`${metric} `))
    .reduce((sum, line) => sum + Number(line.replace(/^[^ {]+(\{[^}]*\})? /, '').split(' ')[0]), 0);
}
