/** A Markdown table from a header row and body rows. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** Milliseconds with a precision that suits their size. */
export function milliseconds(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(3);
}

/** A ratio as "+3.2%" against a baseline. */
export function overBaseline(value: number, baseline: number): string {
  const percent = ((value - baseline) / baseline) * 100;
  return `${percent >= 0 ? "+" : ""}${percent.toFixed(1)}%`;
}
