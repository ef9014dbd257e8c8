/** Who a consent lets read: one organisation, or every organisation of a domain. */
export type ConsentRecipient = { readonly organisationId: string } | { readonly domain: string };
