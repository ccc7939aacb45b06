import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The backend serves the built app on :5000 and, in Development, proxies to this dev server.
export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: true },
  build: { chunkSizeWarningLimit: 1000 },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
