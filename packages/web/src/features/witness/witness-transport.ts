// The WitnessApi of the shared cosigning round over the app's tRPC client.
import type { WitnessApi } from '@alutrace/shared';
import type { ApiClient } from '../../lib/trpc';

export function witnessApiOf(client: ApiClient): WitnessApi {
  return {
    publicKey: () => client.ledger.publicKey.query(),
    register: (input) => client.witness.register.mutate(input),
    latest: (input) => client.witness.latest.query(input),
    head: () => client.ledger.checkpoint.query({}),
    consistencyProof: (input) => client.ledger.consistencyProof.query(input),
    cosign: (input) => client.witness.cosign.mutate(input),
  };
}
