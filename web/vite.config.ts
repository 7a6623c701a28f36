import type { ProxyOptions } from 'vite';
import { defineConfig } from 'vitest/config';

// `npm run dev:web`: the API runs separately (npm start, or npm run start:api) and Vite forwards its paths to it.
const api = process.env.API_URL ?? 'http://localhost:3000';
const toApi: ProxyOptions = {
  target: api,
  // The API accepts cookie refreshes only from its own origin; the dev server stands in for it, so a request
  // from the dev server's own pages is forwarded as coming from the API's origin.
  configure: (proxy) => {
    proxy.on('proxyReq', (proxyReq, req) => {
      const origin = req.headers.origin;
      if (origin && new URL(origin).host === req.headers.host) proxyReq.setHeader('origin', new URL(api).origin);
    });
  },
};

const vendor = (pattern: string) => new RegExp(`[\\\\/]node_modules[\\\\/](${pattern})[\\\\/]`);

// The web app builds from web/ into web/dist, which the API process serves on the same origin as /v1.
export default defineConfig(({ command }) => ({
  // A build is always the production React, whatever NODE_ENV the caller runs under (Jest sets "test", which
  // Vite would otherwise pass through and ship React's development build: twice the size, and slow).
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  root: import.meta.dirname,
  // Vite 8 transforms TSX with Oxc itself; React 19 wants the automatic runtime (react/jsx-runtime). A build
  // never emits jsxDEV calls: they need React's development build, which the define above rules out.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react', development: command !== 'build' } },
  server: { proxy: { '/v1': toApi, '/docs': toApi, '/health': toApi } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // For scripts/route-preloads.mjs, which removes it again.
    manifest: true,
    rolldownOptions: {
      // Mantine marks its modules "use client" for React Server Components; meaningless in a client-only bundle.
      checks: { moduleLevelDirective: false },
      output: {
        // React and the query client change rarely and every page needs them: long-lived chunks of their own.
        // Mantine is left to the automatic splitting on purpose: a single Mantine chunk would carry every
        // component any page uses into the first load; split by use, / loads only what the layout and home need.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: vendor('react|react-dom|scheduler|react-router|cookie|set-cookie-parser'),
              priority: 20,
            },
            { name: 'query', test: vendor('@tanstack[\\\\/][^\\\\/]+|openapi-fetch'), priority: 10 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
}));
