import { defineWithClinic } from '@frontdesk/core/element';
import { FdSurvey } from './survey.js';

defineWithClinic('fd-survey', FdSurvey);
