// Defines every Frontdesk element at once (frontdesk.all.js and the classic script build).
import './define-clinic.js';
import '@frontdesk/provider-card/define';
import '@frontdesk/slot-picker/define';
import '@frontdesk/cost-estimate/define';
import '@frontdesk/survey/define';
import '@frontdesk/booking/define';
