// The port through which the auth middleware finds accounts; the users domain binds it.
import { definePort } from "../modules/ports.ts";
import type { ApiCredentialLookup, UserLoader } from "./middleware.ts";

export type AccountLookup = UserLoader & ApiCredentialLookup;

export const ACCOUNTS_PORT = definePort<AccountLookup>("core.accounts");
