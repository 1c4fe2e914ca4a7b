import { isObject, messageText, objects, text } from './elements.js';

const SEVERITY_ORDER = ['fatal', 'error', 'warning', 'information'];

/**
 * What an OperationOutcome says, for a `FrontdeskError` message: the issues' `details.text` (or `diagnostics`, or the
 * first coding's display, or the issue code), worst first, joined and cut to 300 characters. Empty for anything that
 * is not an OperationOutcome.
 */
export function operationOutcomeText(body: unknown): string {
  if (!isObject(body) || body.resourceType !== 'OperationOutcome') return '';
  const issues = objects(body.issue)
    .map((issue) => ({
      rank: SEVERITY_ORDER.indexOf(String(issue.severity)),
      said:
        text(isObject(issue.details) ? issue.details.text : undefined) ??
        text(issue.diagnostics) ??
        text(isObject(issue.details) ? objects(issue.details.coding)[0]?.display : undefined) ??
        text(issue.code),
    }))
    .filter((issue): issue is { rank: number; said: string } => issue.said !== undefined)
    .sort((a, b) => (a.rank === -1 ? 9 : a.rank) - (b.rank === -1 ? 9 : b.rank));
  return messageText([...new Set(issues.map((issue) => issue.said))].join('; '));
}

/** `operationOutcomeText` of a JSON text; empty when the text is not JSON. */
export function operationOutcomeTextOf(json: string): string {
  try {
    return operationOutcomeText(JSON.parse(json));
  } catch {
    return '';
  }
}
