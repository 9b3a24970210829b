/**
 * The safety number as a fixed grid of 3 rows of 4 groups, the layout `crossing contact list` prints:
 * two people reading it aloud go row by row and never lose their place, whatever the window width.
 */
export function SafetyNumberGrid({ number, label }: { number: string; label: string }) {
  const groups = number.match(/\d{5}/g) ?? [];
  return (
    <div className="safety-grid mono" role="group" aria-label={label}>
      {groups.map((group, i) => (
        <span key={i}>{group}</span>
      ))}
    </div>
  );
}
