/**
 * Every Frontdesk tag and the module that defines it. The autoloader imports a module the first time its tag
 * appears, so a page downloads only the widgets it uses.
 */
export const ELEMENT_LOADERS: Record<string, () => Promise<unknown>> = {
  'fd-clinic': () => import('./define-clinic.js'),
  'fd-provider-card': () => import('./define-provider-card.js'),
  'fd-provider-list': () => import('./define-provider-list.js'),
  'fd-location-list': () => import('./define-location-list.js'),
  'fd-slot-picker': () => import('@frontdesk/slot-picker/define'),
  'fd-cost-estimate': () => import('@frontdesk/cost-estimate/define'),
  'fd-survey': () => import('@frontdesk/survey/define'),
};
