import type { EntityManager } from 'typeorm';
import { dutchDate } from '@kring/consent';
import { Domain } from '@kring/identity';
import { AccessRoute as A, MUNICIPALITY_CODES, ProblemCode as P, publishService, ServiceWriter, type PublishServiceRequest } from '@kring/social-map';
import { DEMO_ORGANISATIONS as O, DEMO_PROFESSIONALS as PRO } from './demo-ids';

const DAY = 24 * 3600 * 1000;
const HEERENVEEN = ['GM0074'];
/** Heerenveen and the municipalities around it (De Fryske Marren, Opsterland, Weststellingwerf, Ooststellingwerf, Smallingerland). */
const SOUTH = ['GM0074', 'GM1940', 'GM0086', 'GM0098', 'GM0085', 'GM0090'];
const FRIESLAND = MUNICIPALITY_CODES;
const TOWN_HALL = 'Crackstraat 2, 8441 ES Heerenveen';

/** Who publishes for each demo organisation: its casework professional. */
const PUBLISHER: Readonly<Record<string, string>> = {
  [O.jeugdhulp]: PRO.jeugdhulp,
  [O.teamToegang]: PRO.wmo,
  [O.schuldhulp]: PRO.schuldhulp,
  [O.participatie]: PRO.participatie,
  [O.veiligThuis]: PRO.veiligthuis,
  [O.schoolmaatschappelijkWerk]: PRO.schoolmw,
  [O.budgetcoaching]: PRO.budgetcoach,
};

/** A demo service: the organisation, what it publishes, and how many days ago its waiting time was stated (some over 90: stale). */
type DemoService = readonly [organisationId: string, request: PublishServiceRequest, statedDaysAgo: number];

const service = (
  name: string,
  description: string,
  domain: Domain,
  problems: P[],
  municipalityCodes: readonly string[],
  accessRoute: A,
  contact: Pick<PublishServiceRequest, 'phone' | 'email' | 'website' | 'address'>,
  extra: Partial<Pick<PublishServiceRequest, 'ageFrom' | 'ageTo' | 'waitingWeeks'>> = {},
): PublishServiceRequest => ({ name, description, domain, problems, municipalityCodes, accessRoute, ...contact, ...extra });

const debt = { phone: '0513 61 7700', email: 'schuldhulp@schuldhulpheerenveen.example', website: 'https://www.schuldhulpheerenveen.example', address: TOWN_HALL };
const toegang = { phone: '0513 61 7600', email: 'toegang@heerenveen.example', website: 'https://www.heerenveen.example/zorg', address: TOWN_HALL };
const youth = { phone: '058 123 4500', email: 'info@jeugdhulpfriesland.example', website: 'https://www.jeugdhulpfriesland.example' };
const work = { phone: '0513 61 7800', email: 'werk@participatieheerenveen.example', website: 'https://www.participatieheerenveen.example', address: 'Lavendelheide 1, 8445 AB Heerenveen' };
const rondkomen = { phone: '0513 62 1100', email: 'info@rondkomenheerenveen.example', website: 'https://www.rondkomenheerenveen.example', address: 'Burgemeester Kuperusplein 12, 8441 CE Heerenveen' };
const safe = { phone: '0800 2000', website: 'https://www.veiligthuisfriesland.example' };

/**
 * About forty services of Heerenveen and Friesland across the five domains (docs/social-map.md,
 * "The demo world"): debt counselling and money matters, WMO support at home, youth care and
 * school social work, work and reintegration, and Veilig Thuis. Waiting times as the services
 * stated them, some longer than 90 days ago (stale), some not stated. The texts avoid the
 * words the demo world's plaintext scan looks for (family values such as its budget plan).
 */
const SERVICES: readonly DemoService[] = [
  // Debt counselling and money (Schuldhulpverlening Heerenveen).
  [O.schuldhulp, service('Schuldhulpverlening Heerenveen', 'Heeft u schulden of kunt u rekeningen niet meer betalen? Wij maken samen met u een overzicht en een plan. Wij praten met de mensen aan wie u geld moet betalen. Gratis voor inwoners van Heerenveen.', Domain.DEBT_ASSISTANCE, [P.SCHULDEN, P.GELDZAKEN], HEERENVEEN, A.WALK_IN, debt, { ageFrom: 18, waitingWeeks: 6 }), 12],
  [O.schuldhulp, service('Vroegsignalering schulden', 'Betaalt u de huur, de energie of de zorgverzekering niet op tijd? Dan horen wij dat en komen we langs of bellen we. Zo voorkomen we dat kleine achterstanden grote schulden worden.', Domain.DEBT_ASSISTANCE, [P.SCHULDEN], HEERENVEEN, A.WALK_IN, debt, { waitingWeeks: 0 }), 20],
  [O.schuldhulp, service('Schuldhulpmaatje Heerenveen', 'Een getrainde vrijwilliger helpt u met post, rekeningen en afspraken, naast de schuldhulpverlening. Een maatje blijft ook als de schulden geregeld zijn.', Domain.DEBT_ASSISTANCE, [P.SCHULDEN, P.ADMINISTRATIE], SOUTH, A.WALK_IN, { phone: '06 1234 5670', email: 'maatje@schuldhulpheerenveen.example' }, { waitingWeeks: 4 }), 130],
  [O.schuldhulp, service('Inloopspreekuur Geld', 'Elke dinsdagochtend in het wijkcentrum: zonder afspraak vragen stellen over geld, toeslagen en brieven van de Belastingdienst.', Domain.DEBT_ASSISTANCE, [P.GELDZAKEN, P.ADMINISTRATIE], HEERENVEEN, A.WALK_IN, { phone: '0513 61 7701', address: 'Wijkcentrum De Kamp, Heerenveen' }, { waitingWeeks: 0 }), 40],
  [O.schuldhulp, service('Formulierenhulp', 'Hulp bij het invullen van formulieren: toeslagen, kwijtschelding van gemeentelijke belastingen, bijzondere bijstand.', Domain.DEBT_ASSISTANCE, [P.ADMINISTRATIE, P.GELDZAKEN], SOUTH, A.WALK_IN, { phone: '0513 61 7702', email: 'formulieren@schuldhulpheerenveen.example' }), 0],
  [O.schuldhulp, service('Schuldhulp voor ondernemers', 'Voor zzp\'ers en kleine ondernemers met zakelijke en privéschulden: wij kijken naar het bedrijf en het huishouden samen.', Domain.DEBT_ASSISTANCE, [P.SCHULDEN, P.WERK], FRIESLAND, A.REFERRAL, debt, { ageFrom: 18, waitingWeeks: 8 }), 150],
  [O.schuldhulp, service('Advies over beschermingsbewind', 'Lukt het niet meer om zelf uw geld te regelen? Wij leggen uit wat beschermingsbewind is en helpen bij de aanvraag bij de rechter.', Domain.DEBT_ASSISTANCE, [P.SCHULDEN, P.GELDZAKEN], HEERENVEEN, A.REFERRAL, debt, { ageFrom: 18, waitingWeeks: 3 }), 30],
  [O.schuldhulp, service('Geldlessen voor jongeren', 'Voor jongeren van 16 tot 27: leren omgaan met geld, een eerste eigen rekening, DUO en de zorgverzekering. In groepjes, op school of in het jongerencentrum.', Domain.DEBT_ASSISTANCE, [P.GELDZAKEN], SOUTH, A.WALK_IN, { email: 'jongeren@schuldhulpheerenveen.example' }, { ageFrom: 16, ageTo: 27, waitingWeeks: 2 }), 60],
  [O.schuldhulp, service('Noodfonds Heerenveen', 'Een eenmalige bijdrage als u acuut geen geld heeft voor eten, een bril of schoolspullen en er geen andere regeling is. Aanvragen via een hulpverlener.', Domain.DEBT_ASSISTANCE, [P.GELDZAKEN], HEERENVEEN, A.REFERRAL, debt, { waitingWeeks: 1 }), 8],
  // Budget coaching (Stichting Rondkomen Heerenveen, not involved with the demo family: the referral's story).
  [O.budgetcoaching, service('Budgetcoaching', 'Een coach komt bij u thuis en leert u rondkomen met uw inkomen: een weekbudget, overzicht in rekeningen en sparen voor onverwachte kosten. Na de schuldhulp, of om schulden te voorkomen.', Domain.DEBT_ASSISTANCE, [P.GELDZAKEN, P.SCHULDEN], HEERENVEEN, A.REFERRAL, rondkomen, { ageFrom: 18, waitingWeeks: 14 }), 5],
  // WMO: support at home and for carers (Gemeente Heerenveen Team Toegang).
  [O.teamToegang, service('Huishoudelijke ondersteuning', 'Lukt het schoonhouden van uw huis niet meer door ziekte, een beperking of ouderdom? Na een gesprek met het sociaal team kan een hulp bij u thuis komen.', Domain.WMO, [P.HUISHOUDEN, P.GEZONDHEID], HEERENVEEN, A.DECISION, toegang, { ageFrom: 18, waitingWeeks: 5 }), 25],
  [O.teamToegang, service('Sociaal team Heerenveen', 'Eén loket voor zorg, hulp en ondersteuning in Heerenveen. Bel of kom langs; wij kijken samen wat u nodig heeft en wie kan helpen.', Domain.WMO, [P.HUISHOUDEN, P.OPVOEDING, P.GELDZAKEN, P.WONEN, P.EENZAAMHEID], HEERENVEEN, A.WALK_IN, toegang, { waitingWeeks: 1 }), 10],
  [O.teamToegang, service('Mantelzorgondersteuning', 'Zorgt u voor iemand in uw omgeving? Wij helpen met advies, een luisterend oor, respijtzorg en de jaarlijkse mantelzorgwaardering.', Domain.WMO, [P.MANTELZORG], HEERENVEEN, A.WALK_IN, { phone: '0513 61 7620', email: 'mantelzorg@heerenveen.example' }, { waitingWeeks: 2 }), 100],
  [O.teamToegang, service('Begeleiding thuis', 'Een begeleider helpt u thuis de dag te plannen, afspraken na te komen en het huishouden op orde te houden.', Domain.WMO, [P.HUISHOUDEN, P.PSYCHISCH], HEERENVEEN, A.DECISION, toegang, { ageFrom: 18, waitingWeeks: 10 }), 95],
  [O.teamToegang, service('Dagbesteding', 'Een zinvolle dag buiten de deur, samen met anderen: in een werkplaats, op de boerderij of in het buurthuis.', Domain.WMO, [P.WERK, P.EENZAAMHEID], SOUTH, A.DECISION, toegang, { ageFrom: 18, waitingWeeks: 6 }), 45],
  [O.teamToegang, service('Woningaanpassing', 'Een traplift, een drempelhulp of een aangepaste badkamer, zodat u thuis kunt blijven wonen.', Domain.WMO, [P.WONEN, P.GEZONDHEID], HEERENVEEN, A.DECISION, toegang, { waitingWeeks: 12 }), 200],
  [O.teamToegang, service('Maatschappelijk werk', 'Praten over wat u dwarszit: relatie, scheiding, rouw, geldzorgen of spanning thuis. Kort en dichtbij.', Domain.WMO, [P.PSYCHISCH, P.OPVOEDING, P.GELDZAKEN], HEERENVEEN, A.WALK_IN, { phone: '0513 61 7630', email: 'amw@heerenveen.example' }, { waitingWeeks: 3 }), 15],
  [O.teamToegang, service('Huiskamer voor ontmoeting', 'Drie ochtenden per week een kop koffie en een praatje in de bibliotheek. Voor iedereen die wat vaker onder de mensen wil zijn.', Domain.WMO, [P.EENZAAMHEID], HEERENVEEN, A.WALK_IN, { phone: '0513 61 7640', address: 'Bibliotheek Heerenveen, Burgemeester Kuperusplein 36' }), 0],
  [O.teamToegang, service('Beschermd wonen', 'Wonen met begeleiding dag en nacht, voor volwassenen met psychische problemen die (nog) niet zelfstandig kunnen wonen.', Domain.WMO, [P.WONEN, P.PSYCHISCH], FRIESLAND, A.DECISION, toegang, { ageFrom: 18, waitingWeeks: 26 }), 120],
  [O.teamToegang, service('Vervoer naar dagbesteding en ziekenhuis', 'Kunt u niet met het openbaar vervoer? Regiotaxi en vervoer naar dagbesteding via het sociaal team.', Domain.WMO, [P.GEZONDHEID], HEERENVEEN, A.DECISION, toegang, { waitingWeeks: 2 }), 50],
  // Youth care and school (Jeugdhulp Friesland).
  [O.jeugdhulp, service('Ambulante gezinsbegeleiding', 'Een gezinsbegeleider komt bij u thuis als opvoeden even niet lukt: ruzie, grenzen stellen, een kind dat niet naar school wil.', Domain.YOUTH_CARE, [P.OPVOEDING, P.SCHOOL], SOUTH, A.DECISION, youth, { ageFrom: 0, ageTo: 18, waitingWeeks: 9 }), 35],
  [O.schoolmaatschappelijkWerk, service('Schoolmaatschappelijk werk', 'Een schoolmaatschappelijk werker op de basisschool en het voortgezet onderwijs: voor kinderen die niet lekker in hun vel zitten, en hun ouders. Via de intern begeleider of mentor.', Domain.EDUCATION, [P.SCHOOL, P.OPVOEDING, P.PSYCHISCH], HEERENVEEN, A.REFERRAL, youth, { ageFrom: 4, ageTo: 18, waitingWeeks: 2 }), 18],
  [O.jeugdhulp, service('Opvoedspreekuur', 'Vragen over slapen, eten, driftbuien of puberteit? Kom langs op het opvoedspreekuur, zonder afspraak.', Domain.YOUTH_CARE, [P.OPVOEDING], HEERENVEEN, A.WALK_IN, youth, { ageFrom: 0, ageTo: 18, waitingWeeks: 0 }), 7],
  [O.jeugdhulp, service('Speltherapie', 'Voor jonge kinderen die iets ingrijpends hebben meegemaakt: spelend verwerken, met een therapeut.', Domain.YOUTH_CARE, [P.PSYCHISCH], SOUTH, A.DECISION, youth, { ageFrom: 3, ageTo: 12, waitingWeeks: 16 }), 140],
  [O.jeugdhulp, service('Jeugd-ggz Friesland', 'Behandeling voor kinderen en jongeren met angst, somberheid, ADD of autisme. Met een verwijzing van de huisarts of het sociaal team.', Domain.YOUTH_CARE, [P.PSYCHISCH, P.GEZONDHEID], FRIESLAND, A.REFERRAL, youth, { ageFrom: 0, ageTo: 18, waitingWeeks: 20 }), 60],
  [O.jeugdhulp, service('Jongerenwerk Heerenveen', 'Jongerenwerkers in de wijk en online, voor jongeren van 12 tot 23: een plek om te zijn, hulp bij school, geld of thuis.', Domain.YOUTH_CARE, [P.SCHOOL, P.GELDZAKEN, P.EENZAAMHEID], HEERENVEEN, A.WALK_IN, { phone: '06 1234 5680', email: 'jongerenwerk@jeugdhulpfriesland.example' }, { ageFrom: 12, ageTo: 23 }), 0],
  [O.jeugdhulp, service('Gezinshuis', 'Een kind dat tijdelijk niet thuis kan wonen, woont in een gezin met gezinshuisouders, dichtbij school en vrienden.', Domain.YOUTH_CARE, [P.OPVOEDING, P.WONEN], FRIESLAND, A.DECISION, youth, { ageFrom: 0, ageTo: 18, waitingWeeks: 12 }), 110],
  [O.jeugdhulp, service('Begeleiding bij schoolverzuim', 'Voor leerlingen die veel thuis zitten: samen met school, leerplicht en ouders werken aan een plan om weer naar school te gaan.', Domain.EDUCATION, [P.SCHOOL], SOUTH, A.REFERRAL, youth, { ageFrom: 5, ageTo: 18, waitingWeeks: 3 }), 28],
  [O.jeugdhulp, service('Kindergroep Scheiden', 'Een groep voor kinderen van 8 tot 12 van wie de ouders uit elkaar gaan: praten, tekenen en merken dat je niet de enige bent.', Domain.YOUTH_CARE, [P.OPVOEDING, P.PSYCHISCH], HEERENVEEN, A.WALK_IN, youth, { ageFrom: 8, ageTo: 12, waitingWeeks: 6 }), 92],
  // Work and reintegration (Participatie Heerenveen).
  [O.participatie, service('Re-integratie naar werk', 'Heeft u een uitkering en wilt u aan het werk? Een consulent zoekt met u naar werk dat past, met scholing of een proefplaatsing.', Domain.PARTICIPATION, [P.WERK], HEERENVEEN, A.DECISION, work, { ageFrom: 18, ageTo: 67, waitingWeeks: 4 }), 22],
  [O.participatie, service('Jobcoaching', 'Een jobcoach helpt u de eerste maanden op een nieuwe baan: afspraken met de werkgever, het werk leren, volhouden.', Domain.PARTICIPATION, [P.WERK], SOUTH, A.REFERRAL, work, { ageFrom: 18, waitingWeeks: 5 }), 98],
  [O.participatie, service('Taalhuis Heerenveen', 'Beter leren lezen, schrijven, rekenen of Nederlands spreken, met een vrijwilliger in de bibliotheek. Gratis.', Domain.PARTICIPATION, [P.WERK, P.ADMINISTRATIE], HEERENVEEN, A.WALK_IN, { phone: '0513 61 7810', address: 'Bibliotheek Heerenveen, Burgemeester Kuperusplein 36' }, { waitingWeeks: 1 }), 14],
  [O.participatie, service('Leerwerkplek', 'Werken en leren tegelijk in een echt bedrijf, met begeleiding en een diploma of certificaat aan het eind.', Domain.PARTICIPATION, [P.WERK, P.SCHOOL], SOUTH, A.REFERRAL, work, { ageFrom: 16, ageTo: 27, waitingWeeks: 7 }), 70],
  [O.participatie, service('Vrijwilligerscentrale', 'Vrijwilligerswerk zoeken dat bij u past: goed voor ervaring, contacten en een ritme in de week.', Domain.PARTICIPATION, [P.WERK, P.EENZAAMHEID], HEERENVEEN, A.WALK_IN, { phone: '0513 61 7820', email: 'vrijwilligers@participatieheerenveen.example', website: 'https://www.participatieheerenveen.example/vrijwilligers' }), 0],
  [O.participatie, service('Bijstandsuitkering aanvragen', 'Geen of te weinig inkomen? Wij helpen bij de aanvraag van een bijstandsuitkering en kijken meteen naar werk en toeslagen.', Domain.PARTICIPATION, [P.GELDZAKEN, P.WERK], HEERENVEEN, A.DECISION, work, { ageFrom: 18, waitingWeeks: 1 }), 9],
  [O.participatie, service('Aan het werk voor statushouders', 'Voor nieuwkomers met een verblijfsvergunning: taal, werkervaring en de weg vinden naar een baan.', Domain.PARTICIPATION, [P.WERK], FRIESLAND, A.DECISION, work, { ageFrom: 18, waitingWeeks: 6 }), 160],
  // Veilig Thuis Friesland.
  [O.veiligThuis, service('Veilig Thuis adviestelefoon', 'Zorgen over huiselijk geweld of kindermishandeling, bij uzelf of bij iemand anders? Bel dag en nacht gratis 0800 2000 voor advies. U mag anoniem bellen.', Domain.CHILD_SAFETY, [P.HUISELIJK_GEWELD], FRIESLAND, A.WALK_IN, safe, { waitingWeeks: 0 }), 3],
  [O.veiligThuis, service('Melding bij Veilig Thuis', 'Professionals en burgers melden een vermoeden van huiselijk geweld of kindermishandeling. Veilig Thuis onderzoekt en zorgt dat er hulp komt.', Domain.CHILD_SAFETY, [P.HUISELIJK_GEWELD], FRIESLAND, A.WALK_IN, safe, { waitingWeeks: 0 }), 3],
  [O.veiligThuis, service('Steunpunt ouderenmishandeling', 'Advies als u denkt dat een oudere wordt verwaarloosd, uitgebuit of mishandeld, ook financieel.', Domain.CHILD_SAFETY, [P.HUISELIJK_GEWELD, P.GELDZAKEN], FRIESLAND, A.WALK_IN, safe, { ageFrom: 65, waitingWeeks: 0 }), 100],
  [O.veiligThuis, service('Opvang bij huiselijk geweld', 'Een veilige plek om te wonen voor wie thuis niet veilig is, met kinderen en hulp om verder te komen.', Domain.CHILD_SAFETY, [P.HUISELIJK_GEWELD, P.WONEN], FRIESLAND, A.REFERRAL, safe, { waitingWeeks: 1 }), 45],
];

/**
 * Publishes the demo world's social map through `publishService` and the `ServiceWriter`, as
 * `publishService` (the mutation) does, each by its organisation's professional, dated on the day
 * its waiting time was stated. Returns how many it published.
 */
export async function writeDemoServices(manager: EntityManager, today: Date): Promise<number> {
  const writer = new ServiceWriter();
  for (const [organisationId, request, statedDaysAgo] of SERVICES) {
    const at = new Date(today.getTime() - statedDaysAgo * DAY);
    const decided = publishService(request, { mayPublish: true, today: dutchDate(at) });
    if (!decided.ok) throw new Error(`the demo service ${request.name} is refused: ${JSON.stringify(decided.refusal)}`);
    await writer.publish(manager, { organisationId, professionalId: PUBLISHER[organisationId] as string, draft: decided.draft, at });
  }
  return SERVICES.length;
}
