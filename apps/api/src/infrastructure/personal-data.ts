import { BOARD_PERSONAL_DATA } from '#board';
import { mergePolicies } from '#event-store';
import { VOICE_PERSONAL_DATA } from '#voice';

/** Every context's personal-data policy: what the event store encrypts, per subject. */
export const PERSONAL_DATA_POLICY = mergePolicies(BOARD_PERSONAL_DATA, VOICE_PERSONAL_DATA);
