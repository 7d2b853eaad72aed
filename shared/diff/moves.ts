/**
 * Given the positions in the old version of the paragraphs present in both, in
 * their new order, flag the ones outside one longest increasing subsequence.
 * Those are the fewest paragraphs whose moving explains the new order: moving
 * OP7 up to OP2 flags OP7 alone, not the five paragraphs it jumped over.
 */
export function outsideLongestIncreasing(values: number[]): boolean[] {
  // tails[l]: index of the smallest value ending an increasing subsequence of length l + 1.
  const tails: number[] = [];
  const previous: number[] = values.map(() => -1);
  values.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1];
    tails[lo] = i;
  });
  const outside = values.map(() => true);
  for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i !== -1; i = previous[i]) outside[i] = false;
  return outside;
}
