import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The backend serves the built app on :5000 and, in Development, proxies to this dev server;
// opened directly, the dev server sends the API and the socket on to the backend.
const backend = process.env.STOCKSTREAM_BACKEND ?? 'http://localhost:5000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': backend, '/healthz': backend, '/ws': { target: backend, ws: true } },
  },
  build: { chunkSizeWarningLimit: 1000 },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
