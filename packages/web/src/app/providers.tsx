import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactElement, type ReactNode, useState } from 'react';
import { readAppError } from '../lib/api-error';
import { createApiClient, TRPCProvider } from '../lib/trpc';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The ledger only grows; a few seconds' staleness is fine, and focus brings it up to date.
        staleTime: 5_000,
        // One retry rides out a dropped connection. An answer from the server (not signed in,
        // invalid input…) would only come again, so it is shown at once.
        retry: (failureCount, error) => failureCount < 1 && readAppError(error) === null,
      },
    },
  });
}

export function AppProviders({ children }: { children: ReactNode }): ReactElement {
  const [queryClient] = useState(createQueryClient);
  const [apiClient] = useState(createApiClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={apiClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
