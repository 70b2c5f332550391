import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
/** `npm run dev:web` proxies the API to a running `npm start`. */
const api = `http://127.0.0.1:${process.env.PORT ?? 4000}`;

export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    // The spreadsheet library (exceljs, ~930 kB) is its own chunk, loaded only when an organizer
    // reads or writes a roster file; every other chunk stays far below this.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/graphql': api,
      '/dev': api,
    },
  },
});
