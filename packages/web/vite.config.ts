// The dev server forwards API calls to the alutrace server (started by
// `pnpm dev`, see scripts/dev.mjs), so the browser sees one origin, as it
// does in production where the server serves dist/ itself.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompressAssets } from './build/precompress-assets';

const apiServer = `http://localhost:${process.env.PORT ?? 8080}`;

export default defineConfig({
  plugins: [react(), precompressAssets()],
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    strictPort: true,
    proxy: {
      '/trpc': apiServer,
      '/healthz': apiServer,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      // The public passport (/l/…) is its own small page: a phone that scans a label loads no app.
      input: { main: 'index.html', passport: 'passport.html' },
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases,
        // which matters on a collection point's mobile connection.
        codeSplitting: {
          groups: [
            // What the passport's verifier needs, apart from the app's vendor chunk, which the passport must not load.
            { name: 'verify', test: /node_modules[\\/](zod|@noble)[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            // The QR decoder (features/scanner/zxing-loader.ts): fetched only by the screens that scan, never with the app.
            { name: 'zxing', test: /node_modules[\\/](barcode-detector|zxing-wasm)[\\/]/ },
            // ECharts (features/reports/echarts-setup.ts): fetched only by the officials' report pages.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
