import type { StaffRole } from '../domain/roles.js';

/** The signed-in member of staff a request acts for. Every query and command is scoped to its tenant. */
export interface Caller {
  readonly userId: string;
  readonly tenantId: string;
  readonly roles: readonly StaffRole[];
  /** The role that admitted this request (set by the guard from the route's @Roles). */
  readonly actingRole: StaffRole;
  /**
   * The route the request came in by, as a method and a path template ("GET /api/moderation/queue"):
   * never ids or query strings. Set by the guard; the access log keeps it as the "why" of a read.
   */
  readonly route?: string;
}
