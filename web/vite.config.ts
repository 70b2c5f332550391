import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
/** `npm run dev:web` proxies the API to a running `npm start`. */
const api = `http://127.0.0.1:${process.env.PORT ?? 4000}`;

/** The dev server answers `/rate/<code>` with the rating page, as the local server and CloudFront do. */
const ratingPage: Plugin = {
  name: 'rating-page',
  configureServer(server) {
    server.middlewares.use((request, _response, next) => {
      if (request.url && /^\/rate(\/|\?|$)/.test(request.url)) request.url = '/rate.html';
      next();
    });
  },
};

export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  plugins: [ratingPage],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    // The spreadsheet library (exceljs, ~930 kB) is its own chunk, loaded only when an organizer
    // reads or writes a roster file; every other chunk stays far below this.
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      // Two pages: the client (React) and the citizens' rating page (/rate/<code>), which shares
      // no code with it and stays small for a phone on a hall's Wi-Fi.
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        rate: fileURLToPath(new URL('rate.html', import.meta.url)),
      },
    },
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
