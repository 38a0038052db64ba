import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The SPA lives in apps/web; `npx vite build apps/web` writes apps/web/dist, which the API server
 * serves for every non-/api path (history fallback). In development `/api` goes to the API on port 3000.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    port: 5173,
    strictPort: false,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
