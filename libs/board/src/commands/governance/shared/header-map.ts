/** The request's headers, as `@RequestHeaders()` gives them and the command context factory reads them. */
export type HeaderMap = Readonly<Record<string, string | string[] | undefined>>;
