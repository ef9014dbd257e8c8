/**
 * Municipalities a service serves, by their CBS code (`GM0074`), not their name: names change
 * with every merger (*herindeling*) and are spelled several ways (Súdwest-Fryslân, Sudwest
 * Fryslan), while the code is what CBS, the BRP and open data use. The map knows the
 * municipalities of Friesland (as of 2024) by code and name; a code outside this list is
 * refused, so a typo cannot hide a service. Other provinces are a longer list, not a new shape
 * (docs/social-map.md, "What is left").
 */
export const MUNICIPALITIES: Readonly<Record<string, string>> = {
  GM0059: 'Achtkarspelen',
  GM0060: 'Ameland',
  GM0072: 'Harlingen',
  GM0074: 'Heerenveen',
  GM0080: 'Leeuwarden',
  GM0085: 'Ooststellingwerf',
  GM0086: 'Opsterland',
  GM0088: 'Schiermonnikoog',
  GM0090: 'Smallingerland',
  GM0093: 'Terschelling',
  GM0096: 'Vlieland',
  GM0098: 'Weststellingwerf',
  GM0737: 'Tytsjerksteradiel',
  GM1891: 'Dantumadiel',
  GM1900: 'Súdwest-Fryslân',
  GM1940: 'De Fryske Marren',
  GM1949: 'Waadhoeke',
  GM1970: 'Noardeast-Fryslân',
};

/** Every known code, in the order of the list. */
export const MUNICIPALITY_CODES: readonly string[] = Object.keys(MUNICIPALITIES);

/** Whether a code is a municipality the map knows (exactly as CBS writes it: `GM` and four digits). */
export function isKnownMunicipality(code: string): boolean {
  return Object.hasOwn(MUNICIPALITIES, code);
}

/** The name of a known municipality. */
export function municipalityName(code: string): string {
  const name = MUNICIPALITIES[code];
  if (name === undefined) throw new Error('not a municipality of the map');
  return name;
}
