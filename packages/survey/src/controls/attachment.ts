import { SURVEY_ATTACHMENT_MAX_BYTES } from '@frontdesk/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { EngineStrings } from '../engine-strings.js';
import type { Control } from './control.js';

export interface AttachmentHandlers {
  /** A file was chosen (undefined: the choice was cancelled). */
  chosen(file: File | undefined): void;
  removed(): void;
}

/**
 * An `attachment` question: the browser's own file input (keyboard and screen-reader ready), limited to the item's
 * types, with the kinds and the largest size said in words under it and tied to it. The file is read into the
 * answer (`valueAttachment`, base64) in this browser; nothing is uploaded anywhere else.
 */
export function renderAttachment(
  control: Control,
  words: EngineStrings,
  reading: boolean,
  on: AttachmentHandlers,
): TemplateResult {
  const { node, id, describedBy, invalid } = control;
  const rules = node.attachment;
  const accepted = rules?.mimeTypes.join(', ') ?? '';
  const max = words.fileSize(rules?.maxSize ?? SURVEY_ATTACHMENT_MAX_BYTES);
  const answer = node.answers.find((a) => 'valueAttachment' in a);
  const file = answer && 'valueAttachment' in answer ? answer.valueAttachment : undefined;
  return html`<input class="file" part="input" type="file" id=${id} accept=${rules?.mimeTypes.join(',') || nothing}
      ?disabled=${node.readOnly} aria-describedby=${[describedBy, `${id}-r`].filter(Boolean).join(' ')}
      aria-invalid=${invalid ? 'true' : nothing}
      @change=${(e: Event) => on.chosen((e.target as HTMLInputElement).files?.[0])} />
    <p class="help" id="${id}-r" part="help">${words.fileRules(accepted && words.fileKinds(accepted), max)}</p>
    ${reading ? html`<p class="help">${words.readingFile}</p>` : nothing}
    ${
      file
        ? html`<p class="file-chosen" part="file">
          <span>${words.fileChosen(file.title ?? file.contentType, words.fileSize(file.size))}</span>
          <button class="fd-button secondary" part="remove-button" type="button" @click=${on.removed}>
            ${words.removeFile}
          </button>
        </p>`
        : nothing
    }`;
}
