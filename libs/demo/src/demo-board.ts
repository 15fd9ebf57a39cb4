import type { StaffRole } from '#identity/contracts';

/** A fictional council's board for the demo and the tests. Nobody here is real. */
export const DEMO_TENANT = { slug: 'northshire', name: 'Northshire County Council Corporate Parenting Board' } as const;

/** Shown on the console by `npm start`: a local demo only, never a real deployment. */
export const DEMO_PASSWORD = 'demo-board-2026';

export const DEMO_USERS: ReadonlyArray<{ role: StaffRole; email: string; displayName: string }> = [
  { role: 'admin', email: 'admin@northshire.example', displayName: 'Alex Admin' },
  { role: 'clerk', email: 'clerk@northshire.example', displayName: 'Chris Clerk' },
  { role: 'chair', email: 'chair@northshire.example', displayName: 'Cllr Priya Shah (Chair)' },
  { role: 'member', email: 'member@northshire.example', displayName: 'Cllr Tom Evans' },
  { role: 'officer', email: 'officer@northshire.example', displayName: 'Dana Okafor (DCS office)' },
  { role: 'moderator', email: 'moderator@northshire.example', displayName: 'Morgan Lee (Participation)' },
  { role: 'safeguarding-lead', email: 'safeguarding@northshire.example', displayName: 'Sam Patel (Safeguarding)' },
  // A safeguarding case needs a deputy who can open the queue: a second safeguarding lead, never an admin.
  {
    role: 'safeguarding-lead',
    email: 'sg-deputy@northshire.example',
    displayName: 'Jo Reid (Deputy safeguarding)',
  },
  { role: 'auditor', email: 'auditor@northshire.example', displayName: 'Ash Green (Inspector)' },
];
