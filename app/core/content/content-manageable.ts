// Legacy cms.models.ContentManageable: creator, last editor, created and updated on every
// editable record. Services set the authors through these two helpers so every domain
// records them the same way; `created`/`updated` are database defaults (@updatedAt).

/** The author fields of a new record. */
export function createdBy(actorId: number | null): { creatorId: number | null; lastModifiedById: number | null } {
  return { creatorId: actorId, lastModifiedById: actorId };
}

/** The author field of an edit. */
export function modifiedBy(actorId: number | null): { lastModifiedById: number | null } {
  return { lastModifiedById: actorId };
}
