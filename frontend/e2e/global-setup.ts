import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from './chromium';
import { REPO_ROOT, TestServer } from './server';

/**
 * Builds the frontend, the server and the load tool (whose `cluster` command the cluster test runs), then starts one server for the suite (tests that kill
 * or load a server start their own). A missing browser fails the run: it is never a skip.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`);
  execFileSync('npm', ['run', 'build', '-w', 'frontend'], { cwd: REPO_ROOT, stdio: 'inherit' });
  for (const project of ['backend/StockStream.Server', 'load-tests/StockStream.LoadTests'])
    execFileSync('dotnet', ['build', project, '-c', 'Release', '--nologo', '-v', 'q'], { cwd: REPO_ROOT, stdio: 'inherit' });
  const server = await TestServer.start();
  process.env.STOCKSTREAM_URL = server.url;
  return () => server.kill();
}
