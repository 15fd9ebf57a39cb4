// Types of what TypeScript tests import from sharing.js (the browser loads the .js as it is).
export const SHARING_ALWAYS: string;
export const SHARING_EXPLAINED: Readonly<
  Record<string, { choice: string; board: string; public: string; author: string }>
>;
