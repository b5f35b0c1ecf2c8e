/** Deterministic demo data: talents and training-roster rows from one seeded person stream. */
export { generateTalents, type GenerateTalentsOptions } from './generateTalents';
export { generateRosterRows, ROSTER_HEADERS, type GenerateRosterOptions } from './generateRoster';
export { generatePeople, DEMO_EMPLOYERS, DEMO_REFERENCE_DATE, type DemoEmployer, type DemoPerson } from './people';
export { createRandom, deriveSeed, type Random } from './random';
