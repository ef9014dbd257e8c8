export { loadDemoWorld } from './demo-world';
export { PERSONAS, DEMO_FAMILY_ID, DEMO_MEMBERS, DEMO_ORGANISATIONS, DEMO_PROFESSIONALS } from './demo-ids';
export type { Persona } from './demo-ids';
