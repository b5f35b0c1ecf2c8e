/**
 * Linking roster rows to talent records: by document (type + number); the same document under a
 * different name is a conflict the clerk settles in the dry run (keep the registry's name, take the
 * file's, or leave the row out).
 */

/** How a row relates to the registry. */
export type TraineeMatch =
  | { kind: 'new' }
  | { kind: 'matched'; talentId: string }
  | { kind: 'conflict'; talentId: string; registryName: string; fileName: string };

/** Names compared as people read them: NFKC, no white space. */
export function sameTraineeName(a: string, b: string): boolean {
  const normal = (value: string) => value.normalize('NFKC').replace(/\s+/g, '');
  return normal(a) === normal(b);
}

/** The key of a document in maps: type and number. */
export function documentKey(idType: string, idNumber: string): string {
  return `${idType}\u0000${idNumber}`;
}

/** Matches one trainee against the talent holding the same document (if any). */
export function matchTrainee(trainee: { name: string }, existing: { id: string; name: string } | undefined): TraineeMatch {
  if (!existing) return { kind: 'new' };
  if (trainee.name !== '' && !sameTraineeName(trainee.name, existing.name)) {
    return { kind: 'conflict', talentId: existing.id, registryName: existing.name, fileName: trainee.name };
  }
  return { kind: 'matched', talentId: existing.id };
}

/** Matches every trainee by document against the registry's records keyed by {@link documentKey}. */
export function matchTrainees<T extends { name: string; idType: string; idNumber: string }>(
  trainees: readonly T[],
  registry: ReadonlyMap<string, { id: string; name: string }>,
): TraineeMatch[] {
  return trainees.map((trainee) => matchTrainee(trainee, registry.get(documentKey(trainee.idType, trainee.idNumber))));
}
