import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves `dist/` on the same port in production; in development Vite proxies the API
// and webhooks to a locally running server (`pnpm --filter @baton/server dev`).
const apiTarget = process.env['BATON_API_URL'] ?? 'http://127.0.0.1:4310';

export default defineConfig({
  plugins: [react()],
  server: {
    port: Number(process.env['BATON_WEB_PORT'] ?? 5173),
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/hooks': { target: apiTarget, changeOrigin: false },
    },
  },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Monaco is lazy-loaded into its own chunks; it is large by nature, the main chunk is not.
    chunkSizeWarningLimit: 4096,
  },
});
