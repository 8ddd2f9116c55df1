// File storage for uploads, shared by every domain that stores files: the interface, the
// disk and S3 backends, the factory that picks one from the config, and content sniffing.
export { createDiskStorage, isSafeStorageKey, type FileStorage, type StoredFile } from "./storage.ts";
export { createS3Storage, s3ObjectUrl, S3Error, type S3Credentials, type S3StorageOptions } from "./s3.ts";
export { createStorage, type S3Settings } from "./factory.ts";
export { extensionOf, mediaTypeOf, sniffFile, type MediaKind, type SniffedFile } from "./sniff.ts";

/** Where the app serves stored files from the disk backend (pages' routes/media.ts); `url()` builds URLs under it. */
export const MEDIA_URL_PREFIX = "/media/";
