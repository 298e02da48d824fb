// The one tRPC client of the web app. Same origin: the server serves the app
// and /trpc together (and Vite's dev server proxies /trpc, see vite.config.ts).
import type { AppRouter } from '@alutrace/server';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type ApiClient = ReturnType<typeof createTRPCClient<AppRouter>>;

export function createApiClient(): ApiClient {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: '/trpc' })],
  });
}
