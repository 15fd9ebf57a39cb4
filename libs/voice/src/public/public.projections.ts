import type { Projection } from '#event-store';
import { youSaidWeDidProjection } from './you-said-we-did/you-said-we-did.projection.js';

export const PUBLIC_PROJECTIONS: readonly Projection[] = [youSaidWeDidProjection];
