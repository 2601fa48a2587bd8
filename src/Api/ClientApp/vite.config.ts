import { defineConfig } from 'vitest/config';

// The API the dev server forwards to (the app started with ASPNETCORE_URLS=…); the production build is
// served by the API itself from ../wwwroot, so the client only ever uses relative URLs.
const api = process.env.PROCTORWISE_API ?? 'http://127.0.0.1:5080';

export default defineConfig({
  build: {
    outDir: '../wwwroot',
    emptyOutDir: true,
    // The page runs under `script-src 'self'`: no inline scripts, and assets stay files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    target: 'es2022',
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: api, changeOrigin: true },
      '/hubs': { target: api, changeOrigin: true, ws: true },
      '/health': { target: api, changeOrigin: true },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['tests/**/*.test.ts'],
  },
});
