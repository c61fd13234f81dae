import { applicationsOf, type LocatedApplication } from '../pingone/applications.js';
import { closestMatch } from '../engine/closest-match.js';
import { UserFacingError } from '../errors.js';
import { describeCollectionFailure, isFailedRead } from '../snapshot/collection-failure.js';
import type { Snapshot } from '../snapshot/model.js';
import type { Profile } from './types.js';

/** How many candidates an error lists before it says "and N more". */
const LISTED = 20;

/** No application read matches, and some environment's applications could not be read: each such read, in words. */
export interface ApplicationNotRead {
  unread: string[];
}

/**
 * The one application whose id, else whose name (case-insensitive), is `idOrName`. Several, or none in a snapshot that
 * read every environment's applications: a UserFacingError that lists the candidates, so the user can retry with an id.
 * None where some environment's applications failed to read: {@link ApplicationNotRead}, since the app may be there.
 */
export function findApplication(snapshot: Snapshot, idOrName: string): LocatedApplication | ApplicationNotRead {
  const all = applicationsOf(snapshot);
  const byId = all.find(({ app }) => app.id === idOrName);
  if (byId) return byId;
  const byName = all.filter(({ app }) => app.name.toLowerCase() === idOrName.toLowerCase());
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) {
    throw new UserFacingError('name-ambiguous', `${byName.length} applications are named "${idOrName}": ${listed(byName)}.`, { hint: 'Pass the id of the one to check: --app <id>.' });
  }
  const unread = unreadApplications(snapshot);
  if (unread.length > 0) return { unread };
  const suggestion = closestMatch(
    idOrName,
    all.map(({ app }) => app.name),
  );
  const hint = suggestion === undefined ? `Applications in the snapshot: ${listed(all)}.` : `Did you mean "${suggestion}"? Applications in the snapshot: ${listed(all)}.`;
  throw new UserFacingError('not-found', `No application has the id or name "${idOrName}".`, { hint });
}

/** The profile with that id, or a UserFacingError listing the profiles. */
export function findProfile(profiles: readonly Profile[], id: string): Profile {
  const profile = profiles.find((candidate) => candidate.id === id);
  if (profile) return profile;
  const suggestion = closestMatch(
    id,
    profiles.map((candidate) => candidate.id),
  );
  throw new UserFacingError('not-found', `Unknown integration profile "${id}".`, {
    hint: `${suggestion === undefined ? '' : `Did you mean "${suggestion}"? `}Profiles: ${profiles.map((candidate) => candidate.id).join(', ')}.`,
    seeAlso: 'rules/profiles/',
  });
}

/** The failed reads of applications lists (the environments list too: without it no environment's applications were read). */
function unreadApplications(snapshot: Snapshot): string[] {
  const names = new Map(snapshot.environments.map((env) => [env.environment.id, env.environment.name]));
  return snapshot.manifest.collection.entries
    .filter((entry) => isFailedRead(entry) && entry.failedResources === undefined && (entry.kind === 'applications' || entry.kind === 'environments'))
    .map((entry) => {
      const where =
        entry.environmentId === undefined
          ? 'the environments'
          : `the applications of environment ${entry.environmentId}${names.has(entry.environmentId) ? ` (${names.get(entry.environmentId)})` : ''}`;
      return `${where} could not be read (${describeCollectionFailure(entry)})`;
    });
}

function listed(candidates: readonly LocatedApplication[]): string {
  const names = candidates.slice(0, LISTED).map(({ app, env }) => `${app.name} (${app.id}, ${env.environment.name})`);
  return `${names.join('; ')}${candidates.length > LISTED ? `; and ${candidates.length - LISTED} more` : ''}`;
}
