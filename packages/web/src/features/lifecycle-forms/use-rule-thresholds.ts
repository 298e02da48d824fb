// The flag thresholds the server has in force (system.info), so that a
// screen warns before saving exactly where the server will flag; the
// defaults of DOMAIN.md until the answer arrives.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

export interface RuleThresholds {
  transitTolerancePct: number;
  meltLossFlagPct: number;
}

export const DEFAULT_THRESHOLDS: RuleThresholds = { transitTolerancePct: 1, meltLossFlagPct: 20 };

export function useRuleThresholds(): RuleThresholds {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.system.info.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }));
  return data?.rules ?? DEFAULT_THRESHOLDS;
}
