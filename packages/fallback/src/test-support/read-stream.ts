/** Reads a stream to its end, returning the text seen and the error it ended with. */
export async function readStream(parts: AsyncIterable<{ type: string; text?: string }>) {
  const texts: string[] = [];
  try {
    for await (const part of parts) if (part.type === "text-delta") texts.push(part.text ?? "");
    return { texts };
  } catch (error) {
    return { texts, error };
  }
}
