// The users domain's public surface; other modules import only from here.
export { createUsersService, type UsersService, type AuthenticateResult } from "./service.ts";
export { usersRoutes, LOGIN_FAILED, type UsersRoutesDeps } from "./routes.ts";
export { usersTasks, PruneSessionsPayloadSchema } from "./jobs.ts";
export {
  CreateUserInputSchema,
  LoginFormSchema,
  PasswordSchema,
  UsernameSchema,
  safeNextPath,
  type CreateUserInput,
  type LoginForm,
} from "./schemas.ts";
export { accountsAdmin } from "./admin.ts";
