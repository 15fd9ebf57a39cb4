import { BOARD_PERSONAL_DATA } from '#board';
import { mergePolicies } from '#event-store';

/** Every context's personal-data policy: what the event store encrypts, per subject. */
export const PERSONAL_DATA_POLICY = mergePolicies(BOARD_PERSONAL_DATA);
