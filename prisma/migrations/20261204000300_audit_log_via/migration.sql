-- Which transport and credential made an audited write: "admin", or for the APIs
-- "api-v1 ApiKey key:<first 12 hex of the key's SHA-256>" / "api-v2 Token key:…"
-- (the prefix of api_keys.key_hash / auth_tokens.key_hash, never the key itself).
-- Rows written before this migration keep the empty default.

-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN "via" VARCHAR(100) NOT NULL DEFAULT '';
