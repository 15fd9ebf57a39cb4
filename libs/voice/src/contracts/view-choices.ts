// What a view may hold, for any form that collects one (the young people's pages in apps/web): the
// domain's own limits and choices, so a form can never drift from what the decider accepts.
export {
  AGE_BANDS,
  CARE_STATUSES,
  CONTRIBUTION_TEXT_MAX_CHARS,
  SHARING_CHOICES,
  SUMMARY_MESSAGE_MAX_CHARS,
} from '../domain/index.js';
