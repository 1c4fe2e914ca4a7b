// Fixed data for the staff console's stories: what the staff API answers for one Monday at the demo clinic.
import type {
  BookingDay,
  FailedMessage,
  FeedbackGroup,
  FeedbackSummary,
  StaffBooking,
  StaffFlag,
  WaitlistEntry,
} from '../../packages/staff-console/src/types.js';

const ZONE = 'America/Chicago';

const booking = (
  id: string,
  time: string,
  provider: [string, string],
  patient: [string, string],
  visit: string,
  attendance: StaffBooking['attendance'] = 'expected',
  status = 'booked',
): StaffBooking => ({
  id,
  status,
  attendance,
  start: `2026-03-02T${time}:00-06:00`,
  end: `2026-03-02T${time.slice(0, 3)}30:00-06:00`,
  timeZone: ZONE,
  providerId: provider[0],
  providerName: provider[1],
  locationName: 'Franklin Clinic',
  visitTypeName: visit,
  patient: {
    givenName: patient[0],
    familyName: patient[1],
    birthDate: '1951-07-14',
    phone: '(615) 555-0142',
    email: 'patient@example.org',
    reason: 'Knee pain when climbing stairs',
    patientType: 'existing',
  },
});

const ROSA: [string, string] = ['rosa-delgado', 'Rosa Delgado, MD'];
const WEI: [string, string] = ['wei-chen', 'Wei Chen, DO'];

export const STAFF_DAY: BookingDay = {
  timeZone: ZONE,
  from: '2026-03-02',
  to: '2026-03-02',
  truncated: false,
  data: [
    booking('bk-1', '09:00', ROSA, ['Eleanor', 'Whitfield'], 'Follow-up visit', 'arrived'),
    booking('bk-2', '09:30', ROSA, ['Tomás', 'Herrera'], 'New patient visit'),
    booking('bk-3', '10:00', ROSA, ['Grace', 'Okafor'], 'Follow-up visit', 'expected', 'cancelled'),
    booking('bk-4', '09:00', WEI, ['Harold', 'Jensen'], 'Annual physical', 'no-show'),
  ],
};

export const STAFF_EMPTY_DAY: BookingDay = { ...STAFF_DAY, data: [] };

export const STAFF_BOOKING = STAFF_DAY.data[1]!;
/** The free times of the booking's day (2 March, Chicago), as the move form lists them. */
export const STAFF_FREE_SLOTS = [
  { id: 'rosa-delgado|franklin|20260302T1630Z', start: '2026-03-02T16:30:00Z' },
  { id: 'rosa-delgado|franklin|20260302T1900Z', start: '2026-03-02T19:00:00Z' },
  { id: 'rosa-delgado|franklin|20260302T1930Z', start: '2026-03-02T19:30:00Z' },
];

export const STAFF_FLAGS: StaffFlag[] = [
  {
    responseId: 'qr-1',
    receivedAt: '2026-03-02T14:12:00Z',
    providerId: 'rosa-delgado',
    item9: { score: 2, label: 'More than half the days' },
    phq9: { total: 16, band: 'moderately-severe' },
    patient: { givenName: 'Tomás', familyName: 'Herrera', birthDate: '1958-02-03', phone: '(615) 555-0188' },
    status: 'open',
  },
  {
    responseId: 'qr-2',
    receivedAt: '2026-03-01T20:40:00Z',
    providerId: null,
    item9: { score: 1, label: 'Several days' },
    phq9: null,
    patient: null,
    status: 'open',
  },
];

export const STAFF_FAILED: FailedMessage[] = [
  {
    id: 'job-1',
    message: 'reminder',
    channel: 'email',
    bookingId: 'bk-2',
    attempts: 8,
    errorClass: 'SMTPError EENVELOPE',
    failedAt: '2026-03-02T13:00:00Z',
  },
  {
    id: 'job-2',
    message: 'cancelled',
    channel: 'sms',
    bookingId: 'bk-3',
    attempts: 8,
    errorClass: 'HttpError 503',
    failedAt: '2026-03-02T12:10:00Z',
  },
];

const WEEKS = ['2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23'];

function group(scale: number): FeedbackGroup {
  const trend = WEEKS.map((weekStart, i) => {
    const promoters = Math.round((4 + i) * scale);
    const passives = Math.round(2 * scale);
    const detractors = Math.round((3 - (i % 3)) * scale);
    const responses = promoters + passives + detractors;
    return {
      week: `2026-W${String(4 + i).padStart(2, '0')}`,
      weekStart,
      responses,
      promoters,
      passives,
      detractors,
      score: responses === 0 ? null : Math.round((100 * (promoters - detractors)) / responses),
    };
  });
  const sum = (key: 'responses' | 'promoters' | 'passives' | 'detractors') =>
    trend.reduce((total, week) => total + week[key], 0);
  const npsResponses = sum('responses');
  const distribution = [
    { value: 1, label: 'Very dissatisfied', count: Math.round(1 * scale) },
    { value: 2, label: 'Dissatisfied', count: Math.round(2 * scale) },
    { value: 3, label: 'Neutral', count: Math.round(4 * scale) },
    { value: 4, label: 'Satisfied', count: Math.round(11 * scale) },
    { value: 5, label: 'Very satisfied', count: Math.round(15 * scale) },
  ];
  const csatResponses = distribution.reduce((total, d) => total + d.count, 0);
  const bands: FeedbackGroup['phq9']['bands'] = [
    { band: 'minimal', min: 0, max: 4, count: Math.round(9 * scale) },
    { band: 'mild', min: 5, max: 9, count: Math.round(6 * scale) },
    { band: 'moderate', min: 10, max: 14, count: Math.round(3 * scale) },
    { band: 'moderately-severe', min: 15, max: 19, count: Math.round(2 * scale) },
    { band: 'severe', min: 20, max: 27, count: Math.round(1 * scale) },
  ];
  const phqResponses = bands.reduce((total, b) => total + b.count, 0);
  return {
    responses: {
      total: npsResponses + csatResponses + phqResponses,
      bySurvey: [
        { surveyId: 'post-visit-nps', title: 'How likely are you to recommend us?', count: npsResponses },
        { surveyId: 'csat', title: 'How satisfied were you?', count: csatResponses },
        { surveyId: 'phq-9', title: 'PHQ-9', count: phqResponses },
      ],
    },
    nps: {
      responses: npsResponses,
      promoters: sum('promoters'),
      passives: sum('passives'),
      detractors: sum('detractors'),
      score: Math.round((100 * (sum('promoters') - sum('detractors'))) / npsResponses),
      trend,
    },
    csat: {
      responses: csatResponses,
      mean: Math.round((100 * distribution.reduce((t, d) => t + d.value * d.count, 0)) / csatResponses) / 100,
      satisfiedPercent: Math.round((100 * (distribution[3]!.count + distribution[4]!.count)) / csatResponses),
      distribution,
    },
    phq9: { responses: phqResponses, bands, item9Positive: Math.round(2 * scale) },
  };
}

export const STAFF_FEEDBACK: FeedbackSummary = {
  from: '2025-12-09',
  to: '2026-03-02',
  timeZone: ZONE,
  weeks: WEEKS.map((weekStart, i) => ({ week: `2026-W${String(4 + i).padStart(2, '0')}`, weekStart })),
  surveys: [
    { surveyId: 'post-visit-nps', title: 'How likely are you to recommend us?', kind: 'nps' },
    { surveyId: 'csat', title: 'How satisfied were you?', kind: 'csat' },
    { surveyId: 'phq-9', title: 'PHQ-9', kind: 'phq9' },
  ],
  overall: group(2),
  providers: [
    { providerId: 'rosa-delgado', providerName: 'Rosa Delgado, MD', ...group(1.2) },
    { providerId: 'wei-chen', providerName: 'Wei Chen, DO', ...group(0.8) },
  ],
};

const empty = group(0);
export const STAFF_EMPTY_FEEDBACK: FeedbackSummary = { ...STAFF_FEEDBACK, overall: empty, providers: [] };

export const STAFF_WAITLIST: WaitlistEntry[] = [
  {
    id: 'wl-1',
    providerId: 'rosa-delgado',
    visitTypeId: 'follow-up',
    firstDay: '2026-03-03',
    lastDay: '2026-03-13',
    patient: { givenName: 'Margaret', familyName: 'Ellison', phone: '(615) 555-0117' },
  },
];
