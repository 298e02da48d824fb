// incentives.*: schemes (administrators define them), draft statements
// (officials and administrators read them) and issued statements (officials
// issue them, as the authority that pays; an administrator who keeps the
// schemes does not also sign off payments under them). The rules live in
// domain/incentives/.
import {
  defineIncentiveSchemeInput,
  type IncentiveSchemeView,
  type IncentiveStatementView,
  type IssuedIncentiveStatementSummary,
  incentiveStatementInput,
  issuedIncentiveStatementInput,
  issueIncentiveStatementInput,
  listIncentiveStatementsInput,
} from '@alutrace/shared';
import type { App } from '../app/create-app';
import { actorOf } from '../auth/principal';
import { defineScheme, listSchemes } from '../domain/incentives/schemes';
import {
  draftStatement,
  type IncentiveDeps,
  issueStatement,
  listIssuedStatements,
  readIssuedStatement,
} from '../domain/incentives/statements';
import { procedure, router } from '../trpc/trpc';

export function incentiveDeps(app: App): IncentiveDeps {
  return { ledger: app.ledger, vault: app.vault, now: app.now };
}

const read = procedure({ permission: 'incentives:read' });

export const incentivesRouter = router({
  schemes: read.query(({ ctx }): IncentiveSchemeView[] => listSchemes(ctx.app.db)),
  defineScheme: procedure({ permission: 'incentives:define' })
    .input(defineIncentiveSchemeInput)
    .mutation(({ ctx, input }) => defineScheme(ctx.app, actorOf(ctx.principal), input)),
  statement: read
    .input(incentiveStatementInput)
    .query(({ ctx, input }): IncentiveStatementView => draftStatement(incentiveDeps(ctx.app), input)),
  // A payment is signed off by a person: an official's own session, never an API token.
  issue: procedure({ permission: 'incentives:issue', usersOnly: true })
    .input(issueIncentiveStatementInput)
    .mutation(({ ctx, input }) => issueStatement(incentiveDeps(ctx.app), actorOf(ctx.principal), input)),
  statements: read
    .input(listIncentiveStatementsInput)
    .query(({ ctx, input }): IssuedIncentiveStatementSummary[] => listIssuedStatements(ctx.app.db, input)),
  issuedStatement: read
    .input(issuedIncentiveStatementInput)
    .query(({ ctx, input }): IncentiveStatementView => readIssuedStatement(incentiveDeps(ctx.app), input.statementId)),
});
