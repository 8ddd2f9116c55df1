// The users domain's public surface: its module and what account scripts use.
export { usersModule } from "./module.ts";
export { createUsersService, type UsersService } from "./service.ts";
export type { CreateUserInput } from "./schemas.ts";
