import type { CompilationView } from '../../shared/compilation';

const DELEGATION_PREFIX = 'delegation:';

/** `?view=compilation|clean|delegation:<name>` as a view; null for the current text (absent or unknown). */
export function parseViewQuery(value: string | null): CompilationView | null {
  if (value === 'compilation' || value === 'clean') return { kind: value };
  if (value?.startsWith(DELEGATION_PREFIX) && value.length > DELEGATION_PREFIX.length) return { kind: 'delegation', delegation: value.slice(DELEGATION_PREFIX.length) };
  return null;
}

/** The `view` parameter's value for a view ("" for the current text). */
export function viewQueryValue(view: CompilationView | null): string {
  if (!view) return '';
  return view.kind === 'delegation' ? `${DELEGATION_PREFIX}${view.delegation}` : view.kind;
}

/** "Compilation text", "Clean text", "Proposals of European Union", "Current text". */
export function viewName(view: CompilationView | null): string {
  if (!view) return 'Current text';
  if (view.kind === 'delegation') return `Proposals of ${view.delegation}`;
  return view.kind === 'compilation' ? 'Compilation text' : 'Clean text';
}
