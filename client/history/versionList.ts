import type { VersionSummary } from '../../shared/versions';
import { h, type Child } from '../app/dom';
import { zonedTime } from '../app/time';
import { versionLabel } from './versionLabel';

export interface VersionListHandlers {
  preview: (version: VersionSummary) => void;
  /** Absent for everyone but the facilitator. */
  restore?: (version: VersionSummary) => void;
}

/**
 * Versions newest first. Named versions and restores stand out; runs of automatic
 * checkpoints between them fold into one collapsed group.
 */
export function versionList(versions: VersionSummary[], handlers: VersionListHandlers): HTMLElement {
  const items: Child[] = [];
  let run: VersionSummary[] = [];
  const flush = () => {
    if (run.length > 0) items.push(checkpointGroup(run, handlers));
    run = [];
  };
  for (const version of versions) {
    if (version.kind === 'auto') run.push(version);
    else {
      flush();
      items.push(versionRow(version, handlers));
    }
  }
  flush();
  return h('ol', { class: 'versions' }, ...items);
}

function checkpointGroup(versions: VersionSummary[], handlers: VersionListHandlers): HTMLElement {
  const label = versions.length === 1 ? '1 automatic checkpoint' : `${versions.length} automatic checkpoints`;
  return h(
    'li',
    { class: 'version-group' },
    h('details', {}, h('summary', {}, label), h('ol', { class: 'versions' }, ...versions.map((v) => versionRow(v, handlers)))),
  );
}

function versionRow(version: VersionSummary, handlers: VersionListHandlers): HTMLElement {
  return h(
    'li',
    { class: `version version-${version.kind}`, attrs: { 'data-version-id': version.id } },
    h('span', { class: 'version-name' }, versionLabel(version)),
    h(
      'span',
      { class: 'version-meta' },
      version.kind === 'auto' ? '' : `${zonedTime(version.createdAt)}${version.createdByName ? ` · ${version.createdByName}` : ''}`,
    ),
    h(
      'span',
      { class: 'version-actions' },
      h('button', { class: 'button-link', attrs: { type: 'button' }, on: { click: () => handlers.preview(version) } }, 'Preview'),
      handlers.restore
        ? h('button', { class: 'button-link', attrs: { type: 'button' }, on: { click: () => handlers.restore?.(version) } }, 'Restore')
        : null,
    ),
  );
}
