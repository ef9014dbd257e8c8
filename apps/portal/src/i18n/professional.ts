/** Words of the professional pages. Dutch (B1) is the default; English has the same keys. */
export const nl = {} as const;

export const en: { [K in keyof typeof nl]: string } = {};
