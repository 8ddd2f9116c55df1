// Tests that need something this machine may lack (Meilisearch, an S3 bucket, the legacy
// test bed, docutils) are skipped with a printed reason, so a skip is never silent.

/** True (skip) when `available` is false, after printing why and how to run the tests. */
export function skipUnless(available: boolean, reason: string): boolean {
  if (!available) console.warn(`[skipped] ${reason}`);
  return !available;
}
