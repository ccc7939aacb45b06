import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FRONTEND_DIST = fileURLToPath(new URL('../dist', import.meta.url));
export const SERVER_DLL = `${REPO_ROOT}backend/StockStream.Server/bin/Release/net10.0/StockStream.Server.dll`;

export interface ServerOptions {
  port?: number;
  ticksPerSecond?: number;
  extraArgs?: string[];
}

/** The real StockStream server in its own process, serving the built frontend. */
export class TestServer {
  private process: ChildProcess | null = null;
  private output = '';

  private constructor(
    readonly port: number,
    private readonly args: string[],
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async start(options: ServerOptions = {}): Promise<TestServer> {
    if (!existsSync(SERVER_DLL)) throw new Error(`Server not built: ${SERVER_DLL}`);
    const port = options.port ?? (await freePort());
    const args = [
      SERVER_DLL,
      `--urls=http://127.0.0.1:${port}`,
      `--Frontend:RootPath=${FRONTEND_DIST}`,
      `--Market:TicksPerSecond=${options.ticksPerSecond ?? 200}`,
      ...(options.extraArgs ?? []),
    ];
    const server = new TestServer(port, args);
    await server.launch();
    return server;
  }

  /** SIGKILL: no close frames, the way a crash looks to the page. */
  kill(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  /** Starts again on the same port, as a new process (so with a new epoch). */
  restart(): Promise<void> {
    return this.kill().then(() => this.launch());
  }

  private async launch(): Promise<void> {
    const child = spawn('dotnet', this.args, {
      cwd: REPO_ROOT,
      env: { ...process.env, ASPNETCORE_ENVIRONMENT: 'Production', DOTNET_NOLOGO: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process = child;
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    await this.waitUntilHealthy(child);
  }

  private async waitUntilHealthy(child: ChildProcess, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`Server exited with ${child.exitCode}:\n${this.output}`);
      const healthy = await fetch(`${this.url}/healthz`).then((r) => r.ok, () => false);
      if (healthy) return;
      await new Promise((resolve) => setTimeout(resolve, 100)); // polling /healthz until it answers
    }
    throw new Error(`Server not healthy after ${timeoutMs} ms:\n${this.output}`);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
