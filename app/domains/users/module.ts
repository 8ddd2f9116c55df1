// The users domain as one module: accounts, sign-in and the accounts admin.
import { ACCOUNTS_PORT } from "../../core/auth/accounts-port.ts";
import { bind, defineModule } from "../../core/modules/index.ts";
import { accountsAdmin } from "./admin.ts";
import { PRUNE_SESSIONS_TASK, usersTasks } from "./jobs.ts";
import { usersLegacyMigrator } from "./legacy.ts";
import { usersRoutes } from "./routes.ts";
import { createUsersService } from "./service.ts";

export const usersModule = defineModule({
  name: "users",
  provides: [ACCOUNTS_PORT],
  createService: ({ deps }) => createUsersService(deps),
  bind: (users) => [bind(ACCOUNTS_PORT, users)],
  routes: ({ service, web }) => [
    {
      path: "/",
      app: usersRoutes({
        users: service,
        sessions: web.sessions,
        throttle: web.loginThrottle,
        secret: web.secret,
        secureCookies: web.secureCookies,
        trustedProxies: web.trustedProxies,
      }),
    },
  ],
  admin: ({ deps }) => [...accountsAdmin(deps)],
  tasks: ({ service }) => usersTasks(service),
  cron: [
    // Database sessions past their idle or absolute expiry (Redis expires its own).
    { task: PRUNE_SESSIONS_TASK, match: "0 * * * *", options: { backfillPeriod: 0, maxAttempts: 3 } },
  ],
  legacy: {
    migrators: [usersLegacyMigrator],
    skips: [
      { table: "django_session", reason: "sessions are not carried over: everyone signs in once more, with the same password" },
      { table: "account_emailconfirmation", reason: "pending allauth confirmation keys expire in 3 days; addresses keep their verified flag" },
      { table: "tastypie_apiaccess", reason: "tastypie's request log for throttling; our limits count in Redis" },
    ],
  },
  templates: "users",
});
