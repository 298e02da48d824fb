import { createUserInput, resetPasswordInput, type UserView, updateUserInput } from '@alutrace/shared';
import { actorOf } from '../auth/principal';
import { createUser } from '../domain/users/create-user';
import { resetPassword } from '../domain/users/reset-password';
import { updateUser } from '../domain/users/update-user';
import { listUsers } from '../domain/users/user-rows';
import { procedure, router } from '../trpc/trpc';

const admin = procedure({ permission: 'users:manage' });

export const usersRouter = router({
  list: admin.query(({ ctx }): UserView[] => listUsers(ctx.app.db)),

  /** Returns the generated password once when none was given. */
  create: admin.input(createUserInput).mutation(({ ctx, input }) => createUser(ctx.app, actorOf(ctx.principal), input)),

  update: admin.input(updateUserInput).mutation(({ ctx, input }) => updateUser(ctx.app, actorOf(ctx.principal), input)),

  /** Returns the generated password once when none was given; the user's sessions end. */
  resetPassword: admin
    .input(resetPasswordInput)
    .mutation(({ ctx, input }) => resetPassword(ctx.app, actorOf(ctx.principal), input)),
});
