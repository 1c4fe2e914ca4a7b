import { defineElement, FdClinic } from '@frontdesk/core/element';

defineElement('fd-clinic', FdClinic);
