import type { Database } from '../db/client';
import { getLinkedMember } from './accounts/get-linked-member';
import { unlinkAccount } from './accounts/unlink-account';
import type { Actor, Clock, ServiceContext } from './context';
import { seedDemoIfEmpty } from './demo/seed-demo';
import { acceptInvite } from './invites/accept-invite';
import { checkInvite } from './invites/check-invite';
import { createInvites } from './invites/create-invites';
import { importMembers } from './members/import-members';
import { listMembers } from './members/list-members';
import { importUnits } from './units/import-units';
import { listUnits } from './units/list-units';
import { claimUpdate, pruneProcessedUpdates, releaseUpdate } from './updates/claim-update';

type Verb<I, O> = (args: { ctx: ServiceContext; input: I }) => Promise<O>;

/**
 * Binds every service verb to the database and clock, so surfaces call
 * `services.acceptInvite(input, actor)` and never see the database.
 */
export function createServices(deps: { db: Database; clock: Clock }) {
  const bind =
    <I, O>(verb: Verb<I, O>) =>
    (input: I, actor: Actor = 'system') =>
      verb({ ctx: { ...deps, actor }, input });
  return {
    importUnits: bind(importUnits),
    importMembers: bind(importMembers),
    listUnits: bind(listUnits as Verb<void, Awaited<ReturnType<typeof listUnits>>>),
    listMembers: bind(listMembers),
    createInvites: bind(createInvites),
    checkInvite: bind(checkInvite),
    acceptInvite: bind(acceptInvite),
    getLinkedMember: bind(getLinkedMember),
    unlinkAccount: bind(unlinkAccount),
    claimUpdate: bind(claimUpdate),
    releaseUpdate: bind(releaseUpdate),
    pruneProcessedUpdates: bind(pruneProcessedUpdates),
    seedDemoIfEmpty: bind(seedDemoIfEmpty as Verb<void, boolean>),
  };
}

export type Services = ReturnType<typeof createServices>;
