/** The applications of pickers and filters: every one, up to the API's page limit (the server prefetches the same). */
export const APPLICATION_OPTIONS_QUERY = { page: 1, limit: 100 } as const;
