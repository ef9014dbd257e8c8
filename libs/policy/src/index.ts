export type { Purpose } from './purpose';
export { PurposeCatalogue } from './purpose-catalogue';
