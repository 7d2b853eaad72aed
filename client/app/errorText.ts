/** What to show for a failure: the error's own message (ApiError carries the server's), else the fallback. */
export function errorText(failure: unknown, fallback = String(failure)): string {
  return failure instanceof Error ? failure.message : fallback;
}
