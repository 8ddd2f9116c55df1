-- Accounts, permissions, credentials, sessions, the admin audit log, navigation trees
-- and editor redirects. Extra constraints Prisma cannot express are at the end.

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "username" VARCHAR(150) NOT NULL,
    "password" VARCHAR(255) NOT NULL,
    "last_login" TIMESTAMPTZ(6),
    "is_superuser" BOOLEAN NOT NULL DEFAULT false,
    "first_name" VARCHAR(150) NOT NULL DEFAULT '',
    "last_name" VARCHAR(150) NOT NULL DEFAULT '',
    "email" VARCHAR(254) NOT NULL DEFAULT '',
    "is_staff" BOOLEAN NOT NULL DEFAULT false,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "date_joined" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bio" TEXT NOT NULL DEFAULT '',
    "bio_markup_type" VARCHAR(30) NOT NULL DEFAULT 'markdown',
    "bio_rendered" TEXT NOT NULL DEFAULT '',
    "search_visibility" INTEGER NOT NULL DEFAULT 1,
    "email_privacy" INTEGER NOT NULL DEFAULT 2,
    "public_profile" BOOLEAN NOT NULL DEFAULT true,
    "security_stamp" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "groups" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(150) NOT NULL,

    CONSTRAINT "groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "permissions" (
    "id" SERIAL NOT NULL,
    "app_label" VARCHAR(100) NOT NULL,
    "model" VARCHAR(100) NOT NULL,
    "codename" VARCHAR(100) NOT NULL,
    "name" VARCHAR(255) NOT NULL,

    CONSTRAINT "permissions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_groups" (
    "user_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,

    CONSTRAINT "user_groups_pkey" PRIMARY KEY ("user_id","group_id")
);

-- CreateTable
CREATE TABLE "group_permissions" (
    "group_id" INTEGER NOT NULL,
    "permission_id" INTEGER NOT NULL,

    CONSTRAINT "group_permissions_pkey" PRIMARY KEY ("group_id","permission_id")
);

-- CreateTable
CREATE TABLE "user_permissions" (
    "user_id" INTEGER NOT NULL,
    "permission_id" INTEGER NOT NULL,

    CONSTRAINT "user_permissions_pkey" PRIMARY KEY ("user_id","permission_id")
);

-- CreateTable
CREATE TABLE "email_addresses" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "primary" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "email_addresses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "key_hash" CHAR(64) NOT NULL,
    "created" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth_tokens" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "key_hash" CHAR(64) NOT NULL,
    "created" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auth_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "token_hash" CHAR(64) NOT NULL,
    "user_id" INTEGER NOT NULL,
    "security_stamp" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "idle_expires_at" TIMESTAMPTZ(6) NOT NULL,
    "absolute_expires_at" TIMESTAMPTZ(6) NOT NULL,
    "user_agent" VARCHAR(512) NOT NULL DEFAULT '',
    "ip" VARCHAR(64) NOT NULL DEFAULT '',

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" INTEGER,
    "action" VARCHAR(50) NOT NULL,
    "model" VARCHAR(100) NOT NULL,
    "object_id" VARCHAR(100) NOT NULL,
    "object_repr" VARCHAR(200) NOT NULL DEFAULT '',
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "nav_trees" (
    "id" SERIAL NOT NULL,
    "alias" VARCHAR(80) NOT NULL,
    "title" VARCHAR(100) NOT NULL DEFAULT '',

    CONSTRAINT "nav_trees_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "nav_items" (
    "id" SERIAL NOT NULL,
    "tree_id" INTEGER NOT NULL,
    "parent_id" INTEGER,
    "title" VARCHAR(100) NOT NULL,
    "hint" VARCHAR(200) NOT NULL DEFAULT '',
    "url" VARCHAR(200) NOT NULL,
    "url_as_pattern" BOOLEAN NOT NULL DEFAULT false,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "alias" VARCHAR(80),
    "description" TEXT NOT NULL DEFAULT '',
    "in_menu" BOOLEAN NOT NULL DEFAULT true,
    "in_breadcrumbs" BOOLEAN NOT NULL DEFAULT true,
    "in_sitemap" BOOLEAN NOT NULL DEFAULT true,
    "access_logged_in" BOOLEAN NOT NULL DEFAULT false,
    "access_guest" BOOLEAN NOT NULL DEFAULT false,
    "access_restricted" BOOLEAN NOT NULL DEFAULT false,
    "access_perm_type" INTEGER NOT NULL DEFAULT 1,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "nav_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "nav_item_permissions" (
    "item_id" INTEGER NOT NULL,
    "permission_id" INTEGER NOT NULL,

    CONSTRAINT "nav_item_permissions_pkey" PRIMARY KEY ("item_id","permission_id")
);

-- CreateTable
CREATE TABLE "redirects" (
    "id" SERIAL NOT NULL,
    "old_path" VARCHAR(200) NOT NULL,
    "new_path" VARCHAR(200) NOT NULL DEFAULT '',
    "created" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "redirects_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "boxes_creator_id_idx" ON "boxes"("creator_id");
CREATE INDEX "boxes_last_modified_by_id_idx" ON "boxes"("last_modified_by_id");
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");
CREATE UNIQUE INDEX "groups_name_key" ON "groups"("name");
CREATE UNIQUE INDEX "permissions_app_label_codename_key" ON "permissions"("app_label", "codename");
CREATE INDEX "user_groups_group_id_idx" ON "user_groups"("group_id");
CREATE INDEX "group_permissions_permission_id_idx" ON "group_permissions"("permission_id");
CREATE INDEX "user_permissions_permission_id_idx" ON "user_permissions"("permission_id");
CREATE UNIQUE INDEX "email_addresses_user_id_email_key" ON "email_addresses"("user_id", "email");
CREATE UNIQUE INDEX "api_keys_user_id_key" ON "api_keys"("user_id");
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");
CREATE UNIQUE INDEX "auth_tokens_user_id_key" ON "auth_tokens"("user_id");
CREATE UNIQUE INDEX "auth_tokens_key_hash_key" ON "auth_tokens"("key_hash");
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");
CREATE INDEX "sessions_idle_expires_at_idx" ON "sessions"("idle_expires_at");
CREATE INDEX "audit_log_model_object_id_idx" ON "audit_log"("model", "object_id");
CREATE INDEX "audit_log_actor_id_idx" ON "audit_log"("actor_id");
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at");
CREATE UNIQUE INDEX "nav_trees_alias_key" ON "nav_trees"("alias");
CREATE INDEX "nav_items_parent_id_idx" ON "nav_items"("parent_id");
CREATE UNIQUE INDEX "nav_items_tree_id_alias_key" ON "nav_items"("tree_id", "alias");
CREATE INDEX "nav_item_permissions_permission_id_idx" ON "nav_item_permissions"("permission_id");
CREATE UNIQUE INDEX "redirects_old_path_key" ON "redirects"("old_path");

-- AddForeignKey
ALTER TABLE "boxes" ADD CONSTRAINT "boxes_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "boxes" ADD CONSTRAINT "boxes_last_modified_by_id_fkey" FOREIGN KEY ("last_modified_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "user_groups" ADD CONSTRAINT "user_groups_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "user_groups" ADD CONSTRAINT "user_groups_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "group_permissions" ADD CONSTRAINT "group_permissions_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "group_permissions" ADD CONSTRAINT "group_permissions_permission_id_fkey" FOREIGN KEY ("permission_id") REFERENCES "permissions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "user_permissions" ADD CONSTRAINT "user_permissions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "user_permissions" ADD CONSTRAINT "user_permissions_permission_id_fkey" FOREIGN KEY ("permission_id") REFERENCES "permissions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "email_addresses" ADD CONSTRAINT "email_addresses_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "nav_items" ADD CONSTRAINT "nav_items_tree_id_fkey" FOREIGN KEY ("tree_id") REFERENCES "nav_trees"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "nav_items" ADD CONSTRAINT "nav_items_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "nav_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "nav_item_permissions" ADD CONSTRAINT "nav_item_permissions_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "nav_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "nav_item_permissions" ADD CONSTRAINT "nav_item_permissions_permission_id_fkey" FOREIGN KEY ("permission_id") REFERENCES "permissions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Beyond the Prisma schema --------------------------------------------------

-- Logins look usernames up case-insensitively (legacy CustomUserManager uses iexact);
-- case-variant twins exist in legacy data, so this index is not unique.
CREATE INDEX "users_username_lower_idx" ON "users" (lower("username"));

-- allauth's rules: a verified address belongs to one user; one primary address per user.
CREATE UNIQUE INDEX "email_addresses_verified_email_key" ON "email_addresses" (lower("email")) WHERE "verified";
CREATE UNIQUE INDEX "email_addresses_one_primary_key" ON "email_addresses" ("user_id") WHERE "primary";

-- The audit log is append-only: rows can be added, never changed or removed. The one
-- permitted update is the foreign key clearing actor_id when that user is deleted.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."actor_id" IS NULL
     AND (to_jsonb(NEW) - 'actor_id') = (to_jsonb(OLD) - 'actor_id') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER "audit_log_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
