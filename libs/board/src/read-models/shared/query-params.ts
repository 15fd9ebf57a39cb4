// Shared by every context's query parameters: moved to #platform.
export { CODE_MESSAGE, CODE_PATTERN, ID_MESSAGE, ID_PATTERN, IsCalendarDate, NotBefore } from '#platform';
