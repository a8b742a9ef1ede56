import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The build config lives at the root, outside renderer/: it runs in Node, the renderer never does.
const root = fileURLToPath(new URL('./renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    // The CSP forbids inline scripts; keep the module-preload polyfill out of the HTML.
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
});
