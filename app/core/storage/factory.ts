// Chooses where uploads go: an S3-compatible bucket when S3_ENDPOINT is set, else a folder
// on disk (MEDIA_DIR in production, a temporary folder in tests).
import { createS3Storage } from "./s3.ts";
import { createDiskStorage, type FileStorage } from "./storage.ts";

/** The S3 settings of the app config (see app/core/config/config.ts). */
export interface S3Settings {
  S3_ENDPOINT?: string;
  S3_BUCKET?: string;
  S3_REGION?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
}

/** The S3 backend when S3_ENDPOINT is set (the other S3 settings are then required), else the disk backend. */
export function createStorage(settings: S3Settings, disk: { root: string; baseUrl: string }): FileStorage {
  if (!settings.S3_ENDPOINT) return createDiskStorage(disk);
  const required = ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;
  // Names only: the values may be secrets.
  const missing = required.filter((name) => !settings[name]);
  if (missing.length > 0) throw new Error(`S3_ENDPOINT is set, so ${missing.join(", ")} must be set too`);
  return createS3Storage({
    endpoint: settings.S3_ENDPOINT,
    bucket: settings.S3_BUCKET!,
    region: settings.S3_REGION || "us-east-1",
    credentials: { accessKeyId: settings.S3_ACCESS_KEY_ID!, secretAccessKey: settings.S3_SECRET_ACCESS_KEY! },
    baseUrl: disk.baseUrl,
  });
}
