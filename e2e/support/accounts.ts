// Accounts the browser journeys sign in with, created by scripts/e2e-server.ts once the
// app has migrated its fresh database. Least privilege: the editor is staff with only
// the box permissions it needs; the member is not staff at all.
export const E2E_EDITOR = { username: "e2e-editor", password: "e2e-editor-password-1" } as const;
export const E2E_MEMBER = { username: "e2e-member", password: "e2e-member-password-1" } as const;
export const E2E_EDITOR_GROUP = "E2E Box Editors";
export const E2E_EDITOR_PERMISSIONS = ["view_box", "change_box"] as const;
