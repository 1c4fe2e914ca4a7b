import type { Location, Organization, Provider, VisitType } from '../../schemas/clinic.js';

/**
 * The demo clinic group: Cumberland Valley Health Partners, four offices across Tennessee's time-zone line (Nashville
 * and Franklin keep Central time, Chattanooga and Knoxville Eastern). Every name, address, phone number (555-01xx)
 * and NPI is fictional. The records are plain data; slots and prices are derived from them elsewhere.
 */

export const ORGANIZATION: Organization = {
  id: 'cumberland-valley-health',
  name: 'Cumberland Valley Health Partners',
  phone: '(615) 555-0100',
  website: 'https://www.cumberland-valley-health.example',
  currency: 'USD',
};

export const LOCATIONS: readonly Location[] = [
  {
    id: 'nashville-midtown',
    name: 'Midtown Nashville Clinic',
    address: {
      lines: ['2100 West End Avenue', 'Suite 400'],
      city: 'Nashville',
      state: 'TN',
      postalCode: '37203',
      country: 'US',
    },
    phone: '(615) 555-0142',
    timeZone: 'America/Chicago',
    position: { latitude: 36.1502, longitude: -86.803 },
    accessibility:
      'Step-free entrance from the West End Avenue garage, elevators to every floor and accessible restrooms on each floor. Wheelchairs are available at the front desk and reception has a hearing loop. Ask for an ASL interpreter when you book.',
  },
  {
    id: 'franklin',
    name: 'Franklin Family Health Center',
    address: { lines: ['1110 Murfreesboro Road'], city: 'Franklin', state: 'TN', postalCode: '37064', country: 'US' },
    phone: '(615) 555-0178',
    timeZone: 'America/Chicago',
    position: { latitude: 35.912, longitude: -86.847 },
    accessibility:
      'Single-level building with automatic doors and accessible parking beside the entrance. Open Saturday mornings.',
  },
  {
    id: 'chattanooga-riverfront',
    name: 'Riverfront Chattanooga Clinic',
    address: {
      lines: ['735 Broad Street', '2nd Floor'],
      city: 'Chattanooga',
      state: 'TN',
      postalCode: '37402',
      country: 'US',
    },
    phone: '(423) 555-0123',
    timeZone: 'America/New_York',
    position: { latitude: 35.0487, longitude: -85.3113 },
    accessibility:
      'Ramp at the Broad Street entrance and an elevator to the second floor. Accessible restrooms; large-print forms on request.',
  },
  {
    id: 'knoxville-west',
    name: 'West Knoxville Medical Office',
    address: { lines: ['9330 Kingston Pike'], city: 'Knoxville', state: 'TN', postalCode: '37922', country: 'US' },
    phone: '(865) 555-0190',
    timeZone: 'America/New_York',
    position: { latitude: 35.914, longitude: -84.084 },
    accessibility:
      'Ground-floor suite with step-free access and wide doorways. Service animals are welcome and every exam room has a height-adjustable table.',
  },
];

/** A run of local working time, `HH:MM` to `HH:MM`. */
export type Block = readonly [start: string, end: string];

export interface OpeningHours {
  /** Monday to Friday, morning block first, then the afternoon after lunch. */
  weekdays: readonly Block[];
  saturday?: readonly Block[];
}

/** Each office keeps its own local hours; the lunch break is the gap between the blocks. */
export const OPENING_HOURS: Readonly<Record<string, OpeningHours>> = {
  'nashville-midtown': {
    weekdays: [
      ['08:00', '12:00'],
      ['13:00', '17:00'],
    ],
  },
  franklin: {
    weekdays: [
      ['07:30', '11:30'],
      ['12:30', '16:30'],
    ],
    saturday: [['08:00', '12:00']],
  },
  'chattanooga-riverfront': {
    weekdays: [
      ['08:30', '12:30'],
      ['13:30', '17:00'],
    ],
  },
  'knoxville-west': {
    weekdays: [
      ['08:00', '12:00'],
      ['13:00', '16:30'],
    ],
  },
};

/** Video-only clinicians work from home in their own zone, into the evening for patients who work days. */
export const VIRTUAL_HOURS: OpeningHours = {
  weekdays: [
    ['09:00', '12:00'],
    ['13:00', '19:00'],
  ],
};

/** 1 is Monday, 6 is Saturday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6;

export type Session =
  | { locationId: string; weekdays: readonly Weekday[]; part?: 'morning' | 'afternoon' }
  | { virtualZone: string; weekdays: readonly Weekday[]; part?: 'morning' | 'afternoon' };

/** A provider as the demo keeps it: the public record plus how their calendar is generated. */
export interface DemoProvider {
  /** `photoUrl` is added only when the adapter has a photo base URL; `nextAvailable` comes from the slots. */
  provider: Omit<Provider, 'photoUrl' | 'nextAvailable'>;
  hasPhoto: boolean;
  slotMinutes: number;
  sessions: readonly Session[];
  /** How sought-after the provider is: 1 is typical, higher fills the calendar further ahead. */
  demand: number;
  /** A popular specialist with no free time at all for this many days. */
  bookedOutDays?: number;
}

const NUCC = 'http://nucc.org/provider-taxonomy';
const FAMILY_MEDICINE = { system: NUCC, code: '207Q00000X', display: 'Family medicine' };
const PEDIATRICS = { system: NUCC, code: '208000000X', display: 'Pediatrics' };
const CARDIOLOGY = { system: NUCC, code: '207RC0000X', display: 'Cardiology' };
const DERMATOLOGY = { system: NUCC, code: '207N00000X', display: 'Dermatology' };
const OBGYN = { system: NUCC, code: '207V00000X', display: 'Obstetrics and gynecology' };
const MIDWIFERY = { system: NUCC, code: '367A00000X', display: 'Midwifery' };
const PSYCHIATRY = { system: NUCC, code: '2084P0800X', display: 'Psychiatry' };
const BEHAVIORAL_HEALTH = { system: NUCC, code: '1041C0700X', display: 'Behavioral health' };
const PHYSICAL_THERAPY = { system: NUCC, code: '225100000X', display: 'Physical therapy' };

export const PROVIDERS: readonly DemoProvider[] = [
  {
    provider: {
      id: 'maria-hernandez',
      displayName: 'María Hernández',
      name: { prefix: 'Dr.', given: ['María'], family: 'Hernández' },
      credentials: ['MD'],
      specialties: [FAMILY_MEDICINE],
      languages: ['en', 'es'],
      gender: 'female',
      bio: 'Dr. Hernández has cared for families in Middle Tennessee for fifteen years, from newborn checks to grandparents managing diabetes and heart disease. She grew up in a bilingual household in San Antonio and sees patients in English and Spanish. She trained at Vanderbilt and completed her residency in community family medicine, where she learned that most of medicine happens between visits: she answers portal messages herself and likes to set goals with patients that fit their real lives. Her interests include preventive care, women’s health, chronic disease management and care for people who have gone years without a regular doctor. Outside the clinic she coaches youth soccer and grows far too many tomatoes.',
      acceptingNewPatients: 'yes',
      locationIds: ['nashville-midtown', 'franklin'],
      telehealth: true,
      inPerson: true,
      npi: '1487263950',
    },
    hasPhoto: true,
    slotMinutes: 30,
    sessions: [
      { locationId: 'nashville-midtown', weekdays: [1, 2, 4] },
      { locationId: 'franklin', weekdays: [3, 6] },
      { locationId: 'franklin', weekdays: [5], part: 'morning' },
    ],
    demand: 1,
  },
  {
    provider: {
      id: 'james-okafor',
      displayName: 'James Okafor',
      name: { prefix: 'Dr.', given: ['James'], family: 'Okafor' },
      credentials: ['MD'],
      specialties: [FAMILY_MEDICINE],
      languages: ['en', 'fr'],
      gender: 'male',
      bio: 'Dr. Okafor focuses on long-term care of adults with high blood pressure, diabetes and asthma. His panel is full, so he sees existing patients only.',
      acceptingNewPatients: 'existing-only',
      locationIds: ['chattanooga-riverfront'],
      telehealth: true,
      inPerson: true,
      npi: '1720394816',
    },
    hasPhoto: true,
    slotMinutes: 20,
    sessions: [{ locationId: 'chattanooga-riverfront', weekdays: [1, 2, 3, 4] }],
    demand: 1.1,
  },
  {
    provider: {
      id: 'emily-carter',
      displayName: 'Emily Carter',
      name: { given: ['Emily'], family: 'Carter' },
      credentials: ['MSN', 'FNP-C'],
      specialties: [FAMILY_MEDICINE],
      languages: ['en'],
      gender: 'female',
      bio: 'Emily is a family nurse practitioner who enjoys same-week visits, sports physicals and helping patients make sense of test results.',
      acceptingNewPatients: 'yes',
      locationIds: ['knoxville-west'],
      telehealth: false,
      inPerson: true,
      npi: '1396057214',
    },
    hasPhoto: false,
    slotMinutes: 30,
    sessions: [{ locationId: 'knoxville-west', weekdays: [1, 2, 3, 4, 5] }],
    demand: 0.8,
  },
  {
    provider: {
      id: 'linh-nguyen',
      displayName: 'Linh Nguyen',
      name: { prefix: 'Dr.', given: ['Linh'], family: 'Nguyen' },
      credentials: ['MD', 'FAAP'],
      specialties: [PEDIATRICS],
      languages: ['en', 'vi'],
      gender: 'female',
      bio: 'Dr. Nguyen cares for children from birth through college, with a special interest in asthma, allergies and newborn care. She speaks English and Vietnamese.',
      acceptingNewPatients: 'yes',
      locationIds: ['knoxville-west'],
      telehealth: false,
      inPerson: true,
      npi: '1558203947',
    },
    hasPhoto: true,
    slotMinutes: 30,
    sessions: [{ locationId: 'knoxville-west', weekdays: [1, 2, 4, 5] }],
    demand: 1,
  },
  {
    provider: {
      id: 'sarah-goldberg',
      displayName: 'Sarah Goldberg',
      name: { prefix: 'Dr.', given: ['Sarah'], family: 'Goldberg' },
      credentials: ['DO'],
      specialties: [PEDIATRICS],
      languages: ['en', 'he'],
      gender: 'female',
      bio: 'Dr. Goldberg is a general pediatrician who loves well-child visits and working with teenagers. Her panel is closed to new patients.',
      acceptingNewPatients: 'no',
      locationIds: ['franklin'],
      telehealth: false,
      inPerson: true,
      npi: '1841620375',
    },
    hasPhoto: true,
    slotMinutes: 30,
    sessions: [{ locationId: 'franklin', weekdays: [1, 2, 3, 4] }],
    demand: 1.2,
  },
  {
    provider: {
      id: 'wei-chen',
      displayName: 'Wei Chen',
      name: { prefix: 'Dr.', given: ['Wei'], family: 'Chen' },
      credentials: ['MD', 'FACC'],
      specialties: [CARDIOLOGY],
      languages: ['en', 'zh'],
      gender: 'male',
      bio: 'Dr. Chen is a general cardiologist who treats heart failure, atrial fibrillation and high cholesterol, and reads echocardiograms for the group. He divides his week between Chattanooga and Knoxville so patients in both cities can see him close to home. Before joining Cumberland Valley he led the heart failure clinic at a regional teaching hospital, where he built a nurse-led follow-up program that halved readmissions. He speaks English and Mandarin and believes every patient should leave the visit able to explain their own treatment plan. He is not taking new patients at the moment; existing patients can book follow-ups and video visits.',
      acceptingNewPatients: 'no',
      locationIds: ['chattanooga-riverfront', 'knoxville-west'],
      telehealth: true,
      inPerson: true,
      npi: '1265930481',
    },
    hasPhoto: true,
    slotMinutes: 40,
    sessions: [
      { locationId: 'chattanooga-riverfront', weekdays: [1, 2, 4] },
      { locationId: 'knoxville-west', weekdays: [3, 5] },
    ],
    demand: 1.2,
    bookedOutDays: 10,
  },
  {
    provider: {
      id: 'alexandra-papadopoulos-whitmore',
      displayName: 'Alexandra Konstantina Papadopoulos-Whitmore',
      name: { prefix: 'Dr.', given: ['Alexandra', 'Konstantina'], family: 'Papadopoulos-Whitmore' },
      credentials: ['MD', 'PhD', 'FACC', 'FASE'],
      specialties: [CARDIOLOGY],
      languages: ['en', 'el'],
      gender: 'female',
      bio: 'Dr. Papadopoulos-Whitmore is a cardiologist and researcher whose work focuses on heart disease in women, including heart conditions during and after pregnancy. She earned her medical degree and a PhD in cardiovascular physiology, completed her cardiology fellowship with advanced training in cardiac imaging, and still spends one day a week on clinical research. Patients appreciate her unhurried visits: she books an hour for every new patient so there is time to review records, explain test results with drawings and agree on a plan together. She sees patients in English and Greek, offers video follow-ups for patients who live far from Nashville, and works closely with the group’s obstetricians on shared care for expectant mothers with heart conditions.',
      acceptingNewPatients: 'yes',
      locationIds: ['nashville-midtown'],
      telehealth: true,
      inPerson: true,
      npi: '1609482735',
    },
    hasPhoto: true,
    slotMinutes: 60,
    sessions: [{ locationId: 'nashville-midtown', weekdays: [2, 3, 4] }],
    demand: 0.9,
  },
  {
    provider: {
      id: 'aisha-rahman',
      displayName: 'Aisha Rahman',
      name: { prefix: 'Dr.', given: ['Aisha'], family: 'Rahman' },
      credentials: ['MD', 'FAAD'],
      specialties: [DERMATOLOGY],
      languages: ['en', 'ar'],
      gender: 'female',
      bio: 'Dr. Rahman is a board-certified dermatologist who treats acne, eczema, psoriasis and skin cancer, and performs skin checks and minor procedures. She is usually booked several weeks ahead.',
      acceptingNewPatients: 'yes',
      locationIds: ['nashville-midtown'],
      telehealth: false,
      inPerson: true,
      npi: '1932857460',
    },
    hasPhoto: true,
    slotMinutes: 40,
    sessions: [{ locationId: 'nashville-midtown', weekdays: [1, 3, 4, 5] }],
    demand: 1.3,
    bookedOutDays: 18,
  },
  {
    provider: {
      id: 'daniel-kim',
      displayName: 'Daniel Kim',
      name: { given: ['Daniel'], family: 'Kim' },
      credentials: ['PA-C'],
      specialties: [DERMATOLOGY],
      languages: ['en', 'ko'],
      gender: 'male',
      acceptingNewPatients: 'yes',
      locationIds: ['franklin'],
      telehealth: false,
      inPerson: true,
      npi: '1173049582',
    },
    hasPhoto: false,
    slotMinutes: 40,
    sessions: [{ locationId: 'franklin', weekdays: [1, 2, 4, 5], part: 'morning' }],
    demand: 0.9,
  },
  {
    provider: {
      id: 'grace-mensah',
      displayName: 'Grace Mensah',
      name: { prefix: 'Dr.', given: ['Grace'], family: 'Mensah' },
      credentials: ['MD', 'FACOG'],
      specialties: [OBGYN],
      languages: ['en', 'fr'],
      gender: 'female',
      bio: 'Dr. Mensah provides prenatal care, annual exams, contraception counseling and care through menopause.',
      acceptingNewPatients: 'yes',
      locationIds: ['chattanooga-riverfront'],
      telehealth: false,
      inPerson: true,
      npi: '1450718263',
    },
    hasPhoto: true,
    slotMinutes: 30,
    sessions: [{ locationId: 'chattanooga-riverfront', weekdays: [1, 2, 3, 5] }],
    demand: 1,
  },
  {
    provider: {
      id: 'rosa-delgado',
      displayName: 'Rosa Delgado',
      name: { given: ['Rosa'], family: 'Delgado' },
      credentials: ['CNM', 'MSN'],
      specialties: [MIDWIFERY, OBGYN],
      languages: ['en', 'es'],
      gender: 'female',
      bio: 'Rosa is a certified nurse-midwife offering prenatal and postpartum care, well-woman visits and family planning, in English and Spanish.',
      acceptingNewPatients: 'yes',
      locationIds: ['nashville-midtown', 'franklin'],
      telehealth: true,
      inPerson: true,
      npi: '1328596014',
    },
    hasPhoto: true,
    slotMinutes: 30,
    sessions: [
      { locationId: 'nashville-midtown', weekdays: [1, 3, 5] },
      { locationId: 'franklin', weekdays: [2], part: 'morning' },
    ],
    demand: 0.9,
  },
  {
    provider: {
      id: 'omar-haddad',
      displayName: 'Omar Haddad',
      name: { prefix: 'Dr.', given: ['Omar'], family: 'Haddad' },
      credentials: ['MD'],
      specialties: [PSYCHIATRY],
      languages: ['en', 'ar'],
      gender: 'male',
      bio: 'Dr. Haddad is a psychiatrist who sees patients by video only, treating depression, anxiety, ADHD and bipolar disorder with medication management and brief therapy.',
      acceptingNewPatients: 'yes',
      locationIds: [],
      telehealth: true,
      inPerson: false,
      npi: '1786402539',
    },
    hasPhoto: true,
    slotMinutes: 60,
    sessions: [{ virtualZone: 'America/Chicago', weekdays: [1, 2, 3, 4, 5] }],
    demand: 0.8,
  },
  {
    provider: {
      id: 'priya-raman',
      displayName: 'Priya Raman',
      name: { given: ['Priya'], family: 'Raman' },
      credentials: ['PMHNP-BC'],
      specialties: [PSYCHIATRY],
      languages: ['en', 'hi', 'ta'],
      gender: 'female',
      bio: 'Priya is a psychiatric nurse practitioner offering video visits for anxiety, depression and postpartum mood changes, with evening hours.',
      acceptingNewPatients: 'yes',
      locationIds: [],
      telehealth: true,
      inPerson: false,
      npi: '1619375028',
    },
    hasPhoto: false,
    slotMinutes: 60,
    sessions: [{ virtualZone: 'America/New_York', weekdays: [1, 2, 3, 4], part: 'afternoon' }],
    demand: 0.7,
  },
  {
    provider: {
      id: 'keisha-brooks',
      displayName: 'Keisha Brooks',
      name: { given: ['Keisha'], family: 'Brooks' },
      credentials: ['LCSW'],
      specialties: [BEHAVIORAL_HEALTH],
      languages: ['en'],
      gender: 'female',
      bio: 'Keisha is a licensed clinical social worker and therapist who helps adults and teenagers with anxiety, depression, grief, trauma and the stress of living with a chronic illness. She uses cognitive behavioral therapy and acceptance and commitment therapy, and works alongside the group’s primary care doctors so that emotional health is part of everyday care rather than a separate referral. Sessions are 45 minutes, in person at the Riverfront clinic or by video. Her caseload is currently full, so she is seeing existing clients only; the front desk can connect new patients with one of our psychiatry clinicians or keep them on her waiting list.',
      acceptingNewPatients: 'existing-only',
      locationIds: ['chattanooga-riverfront'],
      telehealth: true,
      inPerson: true,
      npi: '1094826371',
    },
    hasPhoto: true,
    slotMinutes: 60,
    sessions: [{ locationId: 'chattanooga-riverfront', weekdays: [1, 2, 3, 4] }],
    demand: 1,
  },
  {
    provider: {
      id: 'tomas-rivera',
      displayName: 'Tomás Rivera',
      name: { given: ['Tomás'], family: 'Rivera' },
      credentials: ['PT', 'DPT'],
      specialties: [PHYSICAL_THERAPY],
      languages: ['en', 'es'],
      gender: 'male',
      bio: 'Tomás is a physical therapist who helps people recover from sports injuries, joint replacement and back pain.',
      acceptingNewPatients: 'yes',
      locationIds: ['franklin', 'nashville-midtown'],
      telehealth: false,
      inPerson: true,
      npi: '1537840162',
    },
    hasPhoto: true,
    slotMinutes: 60,
    sessions: [
      { locationId: 'franklin', weekdays: [1, 3, 5, 6] },
      { locationId: 'nashville-midtown', weekdays: [2, 4], part: 'morning' },
    ],
    demand: 0.9,
  },
];

const PRIMARY_CARE = ['maria-hernandez', 'emily-carter', 'linh-nguyen', 'grace-mensah', 'rosa-delgado'];
const ESTABLISHED_PRIMARY_CARE = [...PRIMARY_CARE, 'james-okafor', 'sarah-goldberg'];

export const VISIT_TYPES: readonly VisitType[] = [
  {
    id: 'new-patient',
    name: 'New patient visit',
    durationMinutes: 30,
    patientType: 'new',
    modality: 'in-person',
    description: 'A first visit to get to know you: your health history, current concerns and an exam.',
    serviceCodes: ['99203'],
    providerIds: PRIMARY_CARE,
  },
  {
    id: 'follow-up',
    name: 'Follow-up visit',
    durationMinutes: 20,
    patientType: 'existing',
    modality: 'in-person',
    description: 'Check in on an ongoing condition, a medicine change or recent test results.',
    serviceCodes: ['99213'],
    providerIds: ESTABLISHED_PRIMARY_CARE,
  },
  {
    id: 'annual-physical',
    name: 'Annual preventive exam',
    durationMinutes: 30,
    patientType: 'existing',
    modality: 'in-person',
    description: 'Yearly check-up with screenings and vaccines due for your age. Most plans cover it in full.',
    serviceCodes: ['99395'],
    providerIds: ['maria-hernandez', 'emily-carter', 'grace-mensah', 'rosa-delgado'],
  },
  {
    id: 'video-visit',
    name: 'Video visit',
    durationMinutes: 20,
    patientType: 'existing',
    modality: 'telehealth',
    description: 'A follow-up by secure video from your phone or computer. Any provider who offers video visits.',
    serviceCodes: ['99213'],
  },
  {
    id: 'specialist-consult',
    name: 'New patient consultation',
    durationMinutes: 40,
    patientType: 'new',
    modality: 'in-person',
    description:
      'A first visit with a specialist. Bring any referral, recent test results and a list of your medicines.',
    serviceCodes: ['99204'],
    providerIds: ['alexandra-papadopoulos-whitmore', 'aisha-rahman', 'daniel-kim'],
  },
  {
    id: 'specialist-follow-up',
    name: 'Specialist follow-up',
    durationMinutes: 20,
    patientType: 'existing',
    modality: 'in-person',
    description: 'A return visit with your specialist.',
    serviceCodes: ['99214'],
    providerIds: ['wei-chen', 'alexandra-papadopoulos-whitmore', 'aisha-rahman', 'daniel-kim'],
  },
  {
    id: 'skin-lesion-removal',
    name: 'Mole or skin lesion removal',
    durationMinutes: 30,
    patientType: 'existing',
    modality: 'in-person',
    description: 'Removal of a mole, skin tag or growth your dermatology provider has already looked at.',
    serviceCodes: ['11300'],
    providerIds: ['aisha-rahman', 'daniel-kim'],
  },
  {
    id: 'behavioral-intake',
    name: 'Behavioral health intake (video)',
    durationMinutes: 60,
    patientType: 'new',
    modality: 'telehealth',
    description: 'A first, unhurried conversation about what brings you in, your history and your goals.',
    serviceCodes: ['90791'],
    providerIds: ['omar-haddad', 'priya-raman'],
  },
  {
    id: 'therapy-session',
    name: 'Therapy session',
    durationMinutes: 45,
    patientType: 'existing',
    modality: 'in-person',
    serviceCodes: ['90834'],
    providerIds: ['keisha-brooks'],
  },
  {
    id: 'therapy-video',
    name: 'Therapy session (video)',
    durationMinutes: 45,
    patientType: 'existing',
    modality: 'telehealth',
    serviceCodes: ['90834'],
    providerIds: ['omar-haddad', 'priya-raman', 'keisha-brooks'],
  },
  {
    id: 'pt-evaluation',
    name: 'Physical therapy evaluation',
    durationMinutes: 60,
    patientType: 'new',
    modality: 'in-person',
    description: 'Your first physical therapy visit: movement tests and a plan for your recovery.',
    serviceCodes: ['97161'],
    providerIds: ['tomas-rivera'],
  },
  {
    id: 'pt-session',
    name: 'Physical therapy session',
    durationMinutes: 45,
    patientType: 'existing',
    modality: 'in-person',
    description: 'Exercises and hands-on treatment; billed per 15 minutes of therapy.',
    serviceCodes: ['97110'],
    providerIds: ['tomas-rivera'],
  },
];

/** What to tell a patient before a visit of this type, on top of the general instructions. */
export const PREPARATION: Readonly<Record<string, string>> = {
  'annual-physical': 'If you can, skip food for 8 hours beforehand in case fasting blood work is due.',
  'skin-lesion-removal': 'Please keep the area free of lotion and makeup on the day of your visit.',
  'behavioral-intake': 'Set aside a private, quiet place for the whole hour.',
  'pt-evaluation': 'Wear comfortable clothes and shoes you can move in.',
  'pt-session': 'Wear comfortable clothes and shoes you can move in.',
};
